// The ops console: one map of the city, the work-order and incident boards, the call-taker's intake, the event feed, figures.
// The map and the board come from one request every 2 s (GET /ops/snapshot); it revalidates with its ETag, so an
// unchanged city is a 304 without a body.
'use strict';

(() => {
  const REFRESH_MS = 2000;
  const FEED_MS = 10000;
  const FIGURES_MS = 30000;
  /** How long an incident of each priority may stay open before the board marks it overdue (minutes). */
  const TARGET_MINUTES = { 1: 15, 2: 30, 3: 120, 4: 480, 5: 1440 };
  const W = CityWeb;
  const $ = selector => document.querySelector(selector);
  let city = null;
  let map = null;
  const markers = { spaces: new Map(), incidents: new Map(), units: new Map(), stations: new Map(), trucks: new Map() };
  let routes = null;
  let zones = [];
  let stationInfo = new Map();
  let timers = [];
  const charts = {};

  async function start() {
    W.takeTokenFromFragment();
    city = await W.config();
    W.setDictionary(CITY_WORDS, city.language);
    $('#city-name').textContent = city.name;
    document.title = city.name;
    $('#language').addEventListener('click', W.switchLanguage);
    $('#sign-out').addEventListener('click', () => { W.signOut(); location.reload(); });
    $('#sign-in').addEventListener('submit', event => {
      event.preventDefault();
      W.signIn(new FormData(event.target).get('token'));
      enter();
    });
    $('#intake').addEventListener('submit', fileCall);
    $('#workorder-action').addEventListener('submit', actOnWorkOrder);
    document.addEventListener('city:language', () => refreshFigures());
    W.translatePage();
    await W.offerOidcSignIn(city);
    if (W.token()) {
      enter();
    }
  }

  /** The API decides: a token it refuses for /ops/ routes (401, or 403 for another role) never reaches the desk. */
  async function enter() {
    const error = $('#sign-in-error');
    error.textContent = '';
    const claims = W.claims(W.token() || '');
    try {
      await W.api('/ops/units');
    } catch (e) {
      W.signOut();
      error.textContent = claims && claims.role && claims.role !== 'ops'
        ? W.t('signIn.notOps', claims.role)
        : W.t('signIn.refused', e.status, e.message);
      error.dataset.status = e.status;
      return;
    }
    $('#signed-out').hidden = true;
    $('#signed-in').hidden = false;
    $('#sign-out').hidden = false;
    document.body.dataset.signedIn = 'true';
    await setUp();
  }

  async function setUp() {
    map = W.map($('#map'), city);
    const [layout, info, services] = await Promise.all([
      W.api('/parking/zones'), W.api('/gbfs/station_information.json'), W.api('/open311/v2/services.json')]);
    zones = layout.zones;
    const bounds = [];
    zones.forEach(zone => zone.spaces.forEach(space => {
      const marker = W.dot([space.lat, space.lon], 'space unknown', { 'data-space-id': space.spaceId, 'data-zone': zone.zone, 'data-status': 'unknown' },
        space.spaceId).addTo(map);
      markers.spaces.set(space.spaceId, marker);
      bounds.push([space.lat, space.lon]);
    }));
    info.data.stations.forEach(station => {
      stationInfo.set(station.station_id, station);
      const name = station.name && station.name[0] ? station.name[0].text : station.station_id;
      markers.stations.set(station.station_id, W.dot([station.lat, station.lon], 'station',
        { 'data-station-id': station.station_id, 'data-bikes': 'unknown', 'data-capacity': station.capacity }, name).addTo(map));
      bounds.push([station.lat, station.lon]);
    });
    if (bounds.length) {
      map.fitBounds(bounds, { padding: [20, 20] });
    }
    const select = $('#intake select[name=service_code]');
    services.forEach(s => select.append(W.element('option', { value: s.service_code }, s.service_name)));
    routes = L.layerGroup().addTo(map);
    await refresh();
    refreshFeeds();
    refreshFigures();
    refreshWorkOrders();
    timers = [setInterval(refresh, REFRESH_MS), setInterval(refreshFeeds, FEED_MS), setInterval(refreshWorkOrders, FEED_MS),
      setInterval(refreshFigures, FIGURES_MS)];
  }

  /** One request: the city snapshot; unchanged since the last one, it is a 304 and the browser's copy is used. */
  async function refresh() {
    try {
      const snapshot = await W.api('/ops/snapshot');
      const seen = JSON.stringify(snapshot);
      // an unchanged city (a 304) leaves the page as it is: a button under the pointer stays the same element
      if (seen === lastSnapshot) {
        $('#last-refresh').textContent = W.time(new Date().toISOString(), city.timeZone);
        return;
      }
      lastSnapshot = seen;
      drawSpaces(snapshot.parking.zones);
      drawIncidents(snapshot.dispatch.incidents.filter(i => i.status !== 'closed'));
      drawUnits(snapshot.dispatch.units);
      drawStations(snapshot.bikeshare.stations);
      drawPlan(snapshot.bikeshare.plan || null);
      state.availability = snapshot.parking.zones;
      state.stations = snapshot.bikeshare.stations;
      $('#last-refresh').textContent = W.time(new Date().toISOString(), city.timeZone);
    } catch (e) {
      $('#last-refresh').textContent = e.message;
    }
  }

  const state = { availability: [], stations: [] };
  let lastSnapshot = null;

  function drawSpaces(availability) {
    availability.forEach(zone => (zone.spaces || []).forEach(space => {
      const marker = markers.spaces.get(space.spaceId);
      if (marker) {
        W.setAttributes(marker, 'space ' + space.status, { 'data-status': space.status });
        marker.options.title = space.spaceId + ' ' + W.t(space.status);
      }
    }));
  }

  function minutesOpen(incident) {
    return (Date.now() - new Date(incident.reportedAt).getTime()) / 60000;
  }

  function drawIncidents(open) {
    open.sort((a, b) => a.priority - b.priority || new Date(a.reportedAt) - new Date(b.reportedAt));
    const body = $('#board tbody');
    body.replaceChildren(...open.map(incident => {
      const overdue = minutesOpen(incident) > (TARGET_MINUTES[incident.priority] || 60);
      const actions = incident.status === 'awaiting_confirmation'
        ? [button('board.confirm', () => decide(incident.incidentId, 'confirm')), button('board.reject', () => decide(incident.incidentId, 'reject'))]
        : [];
      return W.element('tr', {
        'data-incident-id': incident.incidentId, 'data-priority': incident.priority, 'data-status': incident.status,
        'data-overdue': overdue, class: overdue ? 'overdue' : null,
      },
      W.element('td', {}, 'P' + incident.priority),
      W.element('td', { title: incident.description || '' }, [incident.category || incident.kind, incident.subCategory].filter(Boolean).join(' / ')),
      W.element('td', {}, incident.status.replace(/_/g, ' ')),
      W.element('td', {}, incident.unitId || '—'),
      W.element('td', {}, Math.round(minutesOpen(incident)) + ' min' + (overdue ? ' · ' + W.t('board.overdue') : '')),
      W.element('td', {}, actions));
    }));
    $('#board-count').textContent = open.length;
    const seen = new Set();
    open.filter(i => i.lat !== null && i.lon !== null).forEach(incident => {
      seen.add(incident.incidentId);
      let marker = markers.incidents.get(incident.incidentId);
      if (!marker) {
        marker = W.dot([incident.lat, incident.lon], 'incident', {}, incident.incidentId).addTo(map);
        markers.incidents.set(incident.incidentId, marker);
      }
      W.setAttributes(marker, 'incident p' + incident.priority,
        { 'data-incident-id': incident.incidentId, 'data-priority': incident.priority, 'data-status': incident.status });
    });
    removeUnseen(markers.incidents, seen);
  }

  function button(key, action) {
    const b = W.element('button', { type: 'button', 'data-i18n': key }, W.t(key));
    b.addEventListener('click', action);
    return b;
  }

  async function decide(incidentId, decision) {
    try {
      await W.api('/ops/incidents/' + encodeURIComponent(incidentId) + '/' + decision, { method: 'POST' });
    } catch (e) {
      alert(e.message);
    }
    refresh();
  }

  let lastWorkOrders = null;

  /** The 12345 board: open work orders by priority, then the nearest deadline; redrawn only when they changed. */
  async function refreshWorkOrders() {
    try {
      const [open, closed] = await Promise.all([W.api('/ops/workorders?status=open'), W.api('/ops/workorders?status=closed')]);
      const seen = JSON.stringify([open, closed]);
      if (seen !== lastWorkOrders) {
        lastWorkOrders = seen;
        drawWorkOrders(open.workOrders);
        drawFollowUps(closed.workOrders.filter(order => order.rating === null));
      }
    } catch (e) {
      // the next refresh tries again; the header shows the map's errors
    }
  }

  function drawWorkOrders(open) {
    open.sort((a, b) => a.priority - b.priority || new Date(a.resolveBy) - new Date(b.resolveBy));
    $('#workorders tbody').replaceChildren(...open.map(order => {
      // supervision marks overdue once a minute; a deadline passed since then is overdue too
      const overdue = order.overdue || new Date(order.resolveBy).getTime() < Date.now();
      return W.element('tr', {
        'data-workorder-id': order.workOrderId, 'data-priority': order.priority, 'data-status': order.status,
        'data-department': order.department, 'data-overdue': overdue, class: overdue ? 'overdue' : null,
      },
      W.element('td', {}, 'P' + order.priority),
      W.element('td', { title: [order.serviceCode, order.description].filter(Boolean).join(': ') }, order.department),
      W.element('td', {}, order.status.replace(/_/g, ' ')),
      W.element('td', {}, W.time(order.resolveBy, city.timeZone) + (overdue ? ' · ' + W.t('board.overdue') : '')),
      W.element('td', {}, String(order.reportCount)),
      W.element('td', {}, String(order.escalationLevel)),
      W.element('td', {}, [button('workorders.act', () => selectWorkOrder(order.workOrderId))]));
    }));
    $('#workorders-count').textContent = open.length;
  }

  /** Closed and not yet rated: the call-taker phones the caller and records the answer. */
  function drawFollowUps(unrated) {
    $('#followups').replaceChildren(...(unrated.length ? unrated.map(order => W.element('li', {
      'data-workorder-id': order.workOrderId, 'data-priority': order.priority, 'data-status': order.status,
    }, 'P' + order.priority + ' ' + order.department + ' ' + (order.serviceCode || '') + ' ',
    button('workorders.act', () => selectWorkOrder(order.workOrderId))))
      : [W.element('li', { class: 'muted' }, W.t('deadLetters.none'))]));
  }

  /** The action form stays outside the rows, so a redraw of the board never loses what the call-taker typed. */
  function selectWorkOrder(workOrderId) {
    const form = $('#workorder-action');
    form.dataset.workorderId = workOrderId;
    $('#workorder-action-id').textContent = workOrderId;
    $('#workorder-action-result').textContent = '';
    form.hidden = false;
  }

  /**
   * Resolve: the department closes it with a note. Send unit: the command centre's choice instead of the policy's.
   * Follow-up: the call-taker's phone call, rating and maybe reopening.
   */
  async function actOnWorkOrder(event) {
    event.preventDefault();
    const form = event.target;
    const id = form.dataset.workorderId;
    const action = event.submitter && event.submitter.value;
    const fields = new FormData(form);
    const result = $('#workorder-action-result');
    const bodies = {
      resolve: () => ({ note: String(fields.get('note') || '') }),
      assign: () => ({ unitId: String(fields.get('unitId') || '') }),
      followup: () => ({ rating: String(fields.get('rating')), comment: String(fields.get('comment') || ''), reopen: fields.get('reopen') ? 'true' : 'false' }),
    };
    const done = { resolve: 'workorders.resolved', assign: 'workorders.assigned', followup: 'workorders.followedUp' };
    try {
      const order = await W.api('/ops/workorders/' + encodeURIComponent(id) + '/' + action, { method: 'POST', body: bodies[action]() });
      result.textContent = W.t(done[action], id, order.unitId);
      result.dataset.workorderId = id;
      result.dataset.status = order.status;
      result.classList.remove('error');
      form.reset();
    } catch (e) {
      result.textContent = e.message;
      result.classList.add('error');
    }
    refreshWorkOrders();
    refresh();
  }

  function removeUnseen(byId, seen) {
    [...byId.keys()].filter(id => !seen.has(id)).forEach(id => {
      byId.get(id).remove();
      byId.delete(id);
    });
  }

  function drawUnits(units) {
    drawAssignableUnits(units);
    units.forEach(unit => {
      let marker = markers.units.get(unit.unitId);
      if (!marker) {
        marker = W.dot([unit.lat, unit.lon], 'unit', {}, unit.name).addTo(map);
        markers.units.set(unit.unitId, marker);
      }
      marker.setLatLng([unit.lat, unit.lon]);
      W.setAttributes(marker, 'unit ' + unit.status, { 'data-unit-id': unit.unitId, 'data-status': unit.status });
    });
  }

  /** The units the command centre may send: available now; dispatch refuses one of the wrong kind with the reason. */
  function drawAssignableUnits(units) {
    const select = $('#workorder-assign-unit');
    const chosen = select.value;
    const available = units.filter(unit => unit.status === 'available');
    select.replaceChildren(...available.map(unit => W.element('option', { value: unit.unitId },
      unit.unitId + ' · ' + unit.kind + (unit.name && unit.name !== unit.unitId ? ' · ' + unit.name : ''))));
    if (available.some(unit => unit.unitId === chosen)) {
      select.value = chosen;
    }
  }

  function drawStations(statuses) {
    statuses.forEach(status => {
      const info = stationInfo.get(status.stationId);
      const marker = markers.stations.get(status.stationId);
      if (!info || !marker) {
        return;
      }
      const bikes = status.bikes;
      W.setAttributes(marker, 'station', { 'data-station-id': status.stationId, 'data-bikes': bikes, 'data-capacity': info.capacity });
      const el = marker.getElement();
      if (el) {
        el.style.setProperty('--fill', Math.round(100 * bikes / Math.max(1, info.capacity)) + '%');
      }
    });
  }

  /** The latest plan's trucks where they last reported, each with a line through its remaining stops. */
  function drawPlan(plan) {
    routes.clearLayers();
    if (!plan) {
      return;
    }
    const progress = new Map(((plan.progress && plan.progress.trucks) || []).map(t => [t.truckId, t]));
    const seen = new Set();
    plan.routes.forEach(route => {
      const truck = progress.get(route.truckId) || {};
      const stops = route.stops.slice(truck.completedStops || 0).map(s => stationInfo.get(s.stationId)).filter(Boolean);
      const path = (truck.lat !== undefined ? [[truck.lat, truck.lon]] : []).concat(stops.map(s => [s.lat, s.lon]));
      if (path.length > 1) {
        L.polyline(path, { color: '#ff006e', weight: 3, dashArray: '6 4' }).addTo(routes);
      }
      if (truck.lat !== undefined) {
        seen.add(route.truckId);
        let marker = markers.trucks.get(route.truckId);
        if (!marker) {
          marker = W.dot([truck.lat, truck.lon], 'truck', {}, route.truckId).addTo(map);
          markers.trucks.set(route.truckId, marker);
        }
        marker.setLatLng([truck.lat, truck.lon]);
        W.setAttributes(marker, 'truck', { 'data-truck-id': route.truckId, 'data-stops-left': stops.length });
      }
    });
    removeUnseen(markers.trucks, seen);
  }

  async function refreshFeeds() {
    try {
      const [events, dead] = await Promise.all([W.api('/ops/events?limit=20'), W.api('/ops/dead-letters?limit=20')]);
      $('#events').replaceChildren(...events.events.map(e => W.element('li', { 'data-event-id': e.eventId },
        W.element('time', {}, W.time(e.time, city.timeZone)), ' ', W.element('b', {}, e['detail-type']), ' ', e.source)));
      $('#dead-letters').replaceChildren(...(dead.deadLetters.length ? dead.deadLetters.map(d => W.element('li', {},
        W.element('time', {}, W.time(d.receivedAt, city.timeZone)), ' ', W.element('b', {}, d.topic), ' ', d.reason))
        : [W.element('li', { class: 'muted' }, W.t('deadLetters.none'))]));
    } catch (e) {
      // the next refresh tries again; the header shows the map's errors
    }
  }

  /** The call-taker files what the caller says as a 12345 work order (channel phone): a call needs no confirmation. */
  async function fileCall(event) {
    event.preventDefault();
    const form = event.target;
    const result = $('#intake-result');
    const fields = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => String(v).trim() !== ''));
    const key = form.dataset.idempotencyKey || (form.dataset.idempotencyKey = crypto.randomUUID());
    try {
      const created = await W.api('/ops/workorders', { method: 'POST', body: fields, headers: { 'Idempotency-Key': key } });
      const id = created.workOrderId;
      result.textContent = W.t('intake.filed', id);
      // the work order is the incident: one id for both boards
      result.dataset.incidentId = id;
      result.dataset.workorderId = id;
      result.classList.remove('error');
      delete form.dataset.idempotencyKey;
      form.reset();
      refresh();
      refreshWorkOrders();
    } catch (e) {
      result.textContent = e.message;
      result.classList.add('error');
    }
  }

  async function refreshFigures() {
    if (!document.body.dataset.signedIn || typeof Chart === 'undefined') {
      return;
    }
    try {
      const [summary, arrears, stats, hotline] = await Promise.all([
        W.api('/ops/parking/summary'), W.api('/ops/parking/arrears'), W.api('/ops/dispatch/stats'), W.api('/ops/workorders/stats')]);
      chart('occupancy', 'bar', state.availability.map(z => z.zone), ['free', 'occupied', 'closed', 'unknown'].map((s, i) => ({
        label: W.t(s), data: state.availability.map(z => z[s]), backgroundColor: ['#2a9d4b', '#d62828', '#6c757d', '#f2c14e'][i],
      })), true);
      chart('revenue', 'bar', [W.t('revenue.paid'), W.t('revenue.unpaid'), W.t('revenue.arrears')], [{
        label: '¥', data: [summary.paidAmount, summary.unpaidAmount, arrears.amountDue].map(f => f / 100),
        backgroundColor: ['#2a9d4b', '#f2c14e', '#d62828'],
      }]);
      const minutes = figure => (figure && figure.medianSeconds !== null ? figure.medianSeconds / 60 : null);
      chart('response', 'bar', stats.priorities.map(p => 'P' + p.priority), [
        { label: W.t('response.dispatch'), data: stats.priorities.map(p => minutes(p.reportToDispatch)), backgroundColor: '#457b9d' },
        { label: W.t('response.accept'), data: stats.priorities.map(p => minutes(p.dispatchToAccept)), backgroundColor: '#a8dadc' },
        { label: W.t('response.arrive'), data: stats.priorities.map(p => minutes(p.acceptToArrive)), backgroundColor: '#e63946' },
      ]);
      // a rate with nothing to divide is null: no bar, not a zero
      const percent = rate => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);
      chart('hotline', 'bar', hotline.departments.map(d => d.department), [
        { label: W.t('hotline.onTime'), data: hotline.departments.map(d => percent(d.onTimeRate)), backgroundColor: '#2a9d4b' },
        { label: W.t('hotline.satisfaction'), data: hotline.departments.map(d => percent(d.satisfactionRate)), backgroundColor: '#3a86ff' },
      ]);
      chart('stations', 'bar', state.stations.map(s => s.stationId), [
        { label: W.t('stations.bikes'), data: state.stations.map(s => s.bikes), backgroundColor: '#3a86ff' },
        { label: W.t('stations.capacity'), data: state.stations.map(s => (stationInfo.get(s.stationId) || {}).capacity), backgroundColor: '#dde3ea' },
      ]);
    } catch (e) {
      // figures are a view: the next round tries again
    }
  }

  function chart(name, type, labels, datasets, stacked = false) {
    const existing = charts[name];
    if (existing) {
      existing.data.labels = labels;
      existing.data.datasets = datasets;
      existing.update('none');
      return;
    }
    charts[name] = new Chart(document.getElementById('figure-' + name), {
      type, data: { labels, datasets },
      options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked }, y: { stacked, beginAtZero: true } } },
    });
  }

  start();
})();
