// The citizen app: free parking near a point, my sessions with the fee and pay, report an issue, my reports.
'use strict';

(() => {
  const W = CityWeb;
  const $ = selector => document.querySelector(selector);
  const REPORTS_KEY = 'city.reports';
  /** One key per session until its payment succeeds: a double tap or a retry is the same payment. */
  const paymentKeys = new Map();
  let city = null;
  let map = null;
  let zones = [];
  const spaceMarkers = new Map();
  let position = null;
  let positionMarker = null;

  async function start() {
    W.takeTokenFromFragment();
    city = await W.config();
    W.setDictionary(CITY_WORDS, city.language);
    $('#city-name').textContent = city.name;
    $('#language').addEventListener('click', W.switchLanguage);
    $('#sign-out').addEventListener('click', () => { W.signOut(); location.reload(); });
    $('#sign-in').addEventListener('submit', event => {
      event.preventDefault();
      W.signIn(new FormData(event.target).get('token'));
      enter();
    });
    $('#report').addEventListener('submit', sendReport);
    $('#use-device').addEventListener('click', () => navigator.geolocation && navigator.geolocation.getCurrentPosition(
      p => setPosition([p.coords.latitude, p.coords.longitude])));
    document.addEventListener('city:language', () => { drawZones(); loadSessions(); });
    W.translatePage();
    await W.offerOidcSignIn(city);
    map = W.map($('#map'), city);
    map.on('click', event => setPosition([event.latlng.lat, event.latlng.lng]));
    zones = (await W.api('/parking/zones')).zones;
    const bounds = [];
    zones.forEach(zone => zone.spaces.forEach(space => {
      spaceMarkers.set(space.spaceId, W.dot([space.lat, space.lon], 'space unknown', { 'data-space-id': space.spaceId, 'data-status': 'unknown' }, space.spaceId).addTo(map));
      bounds.push([space.lat, space.lon]);
    }));
    if (bounds.length) {
      map.fitBounds(bounds, { padding: [16, 16] });
    }
    const services = await W.api('/open311/v2/services.json');
    services.forEach(s => $('#report select').append(W.element('option', { value: s.service_code }, s.service_name)));
    await loadAvailability();
    setInterval(loadAvailability, 5000);
    if (W.token()) {
      enter();
    }
  }

  let availability = [];

  async function loadAvailability() {
    availability = await Promise.all(zones.map(z => W.api('/parking/zones/' + encodeURIComponent(z.zone) + '/availability')));
    availability.forEach(zone => zone.spaces.forEach(space => {
      const marker = spaceMarkers.get(space.spaceId);
      if (marker) {
        W.setAttributes(marker, 'space ' + space.status, { 'data-status': space.status });
      }
    }));
    drawZones();
  }

  /** Zones nearest the chosen point (or the city centre) first, each with its free spaces. */
  function drawZones() {
    const from = L.latLng(position || [city.lat, city.lon]);
    const distance = zone => Math.min(...zone.spaces.map(s => from.distanceTo([s.lat, s.lon])));
    const byId = new Map(availability.map(a => [a.zone, a]));
    const sorted = [...zones].sort((a, b) => distance(a) - distance(b));
    $('#zones').replaceChildren(...sorted.filter(z => byId.has(z.zone)).map(zone => {
      const a = byId.get(zone.zone);
      return W.element('li', { 'data-zone': zone.zone, 'data-free': a.free },
        W.element('b', {}, zone.name), ' · ', W.t('app.freeOf', a.free, a.total), ' · ', Math.round(distance(zone)) + ' m',
        W.element('ul', { class: 'spaces' }, a.spaces.map(s => W.element('li', { 'data-space-id': s.spaceId, 'data-status': s.status, class: s.status }, s.spaceId))));
    }));
  }

  async function enter() {
    const error = $('#sign-in-error');
    error.textContent = '';
    const claims = W.claims(W.token() || '');
    try {
      await loadSessions();
    } catch (e) {
      W.signOut();
      error.textContent = claims && claims.role && claims.role !== 'citizen'
        ? W.t('signIn.notCitizen', claims.role) : W.t('signIn.refused', e.status, e.message);
      return;
    }
    $('#signed-out').hidden = true;
    $('#signed-in').hidden = false;
    $('#sign-out').hidden = false;
    document.body.dataset.signedIn = 'true';
    loadReports();
  }

  async function loadSessions() {
    if (!W.token()) {
      return;
    }
    const sessions = (await W.api('/parking/sessions')).sessions;
    const receipts = await Promise.all(sessions.map(s => W.api('/parking/sessions/' + encodeURIComponent(s.sessionId))));
    $('#sessions').replaceChildren(...(receipts.length ? receipts.map(sessionEntry) : [W.element('li', { class: 'muted' }, W.t('app.noSessions'))]));
  }

  function sessionEntry(receipt) {
    const segments = receipt.breakdown ? receipt.breakdown.segments.flatMap(segment => segment.charges.map(c =>
      W.element('li', {}, W.t('app.segment', segment.window, c.count, c.incrementMinutes, W.yuan(c.fenPerUnit)) + ' = ' + W.yuan(c.fen)))) : [];
    const entry = W.element('li', { 'data-session-id': receipt.sessionId, 'data-status': receipt.status },
      W.element('b', {}, receipt.zoneName + ' ' + receipt.spaceId), ' ', receipt.plate || '', W.element('br'),
      W.time(receipt.start, city.timeZone), ' – ', W.time(receipt.end, city.timeZone),
      W.element('ul', { class: 'breakdown' }, segments),
      W.element('span', { class: 'fee' }, W.t('app.fee') + ' ' + W.yuan(receipt.amountDue)), ' ');
    if (receipt.paid) {
      entry.append(W.element('span', { class: 'paid', 'data-payment-id': receipt.payment && receipt.payment.paymentId }, W.t('app.paid')));
    } else if (receipt.status === 'unpaid') {
      const pay = W.element('button', { type: 'button', class: 'pay' }, W.t('app.pay', W.yuan(receipt.amountDue)));
      pay.addEventListener('click', () => payFor(receipt, entry));
      entry.append(pay, W.element('p', { class: 'error', role: 'alert' }));
    }
    return entry;
  }

  /** Every tap sends; the session's key makes the API pay once and answer each tap with the same payment. */
  async function payFor(receipt, entry) {
    if (!paymentKeys.has(receipt.sessionId)) {
      paymentKeys.set(receipt.sessionId, crypto.randomUUID());
    }
    try {
      const result = await W.api('/parking/sessions/' + encodeURIComponent(receipt.sessionId) + '/payments', {
        method: 'POST', body: { amount: receipt.amountDue }, headers: { 'Idempotency-Key': paymentKeys.get(receipt.sessionId) },
      });
      entry.dataset.status = 'paid';
      const paymentId = result.paymentId || (result.payment && result.payment.paymentId) || '';
      entry.querySelectorAll('button.pay').forEach(b => b.remove());
      if (!entry.querySelector('.paid')) {
        entry.append(W.element('span', { class: 'paid', 'data-payment-id': paymentId }, W.t('app.paid')));
      }
    } catch (e) {
      entry.querySelector('.error').textContent = e.message;
    }
  }

  function setPosition(latLng) {
    position = latLng;
    $('#report-position').textContent = latLng.map(v => v.toFixed(5)).join(', ');
    if (positionMarker) {
      positionMarker.setLatLng(latLng);
    } else {
      positionMarker = L.circleMarker(latLng, { radius: 8, color: '#1d3557' }).addTo(map);
    }
    drawZones();
  }

  async function sendReport(event) {
    event.preventDefault();
    const form = event.target;
    const result = $('#report-result');
    const fields = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => String(v).trim() !== ''));
    const at = position || [city.lat, city.lon];
    fields.lat = String(at[0]);
    fields.long = String(at[1]);
    const key = form.dataset.idempotencyKey || (form.dataset.idempotencyKey = crypto.randomUUID());
    try {
      const receipt = await W.api('/open311/v2/citizen/requests.json', { method: 'POST', body: fields, headers: { 'Idempotency-Key': key } });
      const id = receipt[0].service_request_id || receipt[0].serviceRequestId;
      const mine = JSON.parse(localStorage.getItem(REPORTS_KEY) || '[]');
      localStorage.setItem(REPORTS_KEY, JSON.stringify([id, ...mine.filter(m => m !== id)].slice(0, 50)));
      result.textContent = W.t('app.sent', id);
      result.dataset.requestId = id;
      delete form.dataset.idempotencyKey;
      form.reset();
      loadReports();
    } catch (e) {
      result.textContent = e.message;
    }
  }

  async function loadReports() {
    const mine = JSON.parse(localStorage.getItem(REPORTS_KEY) || '[]');
    const found = await Promise.all(mine.map(id => W.api('/open311/v2/requests/' + encodeURIComponent(id) + '.json').then(r => r[0]).catch(() => null)));
    $('#reports').replaceChildren(...found.filter(Boolean).map(r => W.element('li', { 'data-request-id': r.service_request_id, 'data-status': r.status },
      W.element('b', {}, r.service_name || r.service_code), ' · ', r.status, W.element('br'), r.status_notes || r.description || '')));
  }

  start();
})();
