// Shared by the ops console and the citizen app: the city's settings, the signed-in token, API calls, and the
// two languages. No build step: plain scripts the twin (or the cloud's assets function) serves as they are.
'use strict';

const CityWeb = (() => {
  const TOKEN_KEY = 'city.token';
  const LANGUAGE_KEY = 'city.language';
  let dictionary = {};
  let language = 'en';

  /** A token in the fragment (#token=...) signs in and leaves the address bar, so it is never bookmarked or logged. */
  function takeTokenFromFragment() {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function signIn(value) {
    sessionStorage.setItem(TOKEN_KEY, value.trim());
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
  }

  /** The token's claims, read without checking the signature: only to word a message; the API's 401/403 decides. */
  function claims(value) {
    try {
      const part = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
      return JSON.parse(json);
    } catch (e) {
      return null;
    }
  }

  /**
   * OpenID Connect sign-in, when config.json names a provider ({"oidc": {"issuer", "clientId", "scope"}}): authorization
   * code with PKCE (S256) by oidc-client-ts, its metadata by discovery from the issuer, back to this very page. The
   * code is exchanged for tokens by the browser (a public client: no secret); only the access token is kept, where a
   * pasted one is (sessionStorage); the library's own copy of the user stays in memory, its state and PKCE verifier in
   * this tab's sessionStorage until the answer comes back. Null without a provider.
   */
  function oidcClient(cityConfig) {
    const provider = cityConfig.oidc;
    if (!provider || !provider.issuer || !provider.clientId || typeof oidc === 'undefined') {
      return null;
    }
    return new oidc.UserManager({
      authority: provider.issuer,
      client_id: provider.clientId,
      scope: provider.scope || 'openid',
      redirect_uri: location.origin + location.pathname,
      response_type: 'code',
      userStore: new oidc.WebStorageStateStore({ store: new oidc.InMemoryWebStorage() }),
      stateStore: new oidc.WebStorageStateStore({ store: sessionStorage }),
      loadUserInfo: false,
      automaticSilentRenew: false,
    });
  }

  /** The provider's host, to name the button ("Sign in with login.example.org"). */
  function oidcName(cityConfig) {
    try {
      return new URL(cityConfig.oidc.issuer).host;
    } catch (e) {
      return cityConfig.oidc.issuer;
    }
  }

  /**
   * Back from the provider (?code=...&state=..., or ?error=...&state=...): the code for tokens, the access token kept,
   * and code and state out of the address bar whatever happened, so they reach no bookmark, history entry or referrer.
   * @return whether this load was the provider's answer; throws when the answer was refused (a message for the page)
   */
  async function completeOidcSignIn(client) {
    const answer = new URLSearchParams(location.search);
    if (!client || !answer.has('state') || !(answer.has('code') || answer.has('error'))) {
      return false;
    }
    try {
      const user = await client.signinRedirectCallback();
      signIn(user.access_token);
      return true;
    } finally {
      answer.delete('code');
      answer.delete('state');
      answer.delete('session_state');
      answer.delete('iss');
      answer.delete('error');
      answer.delete('error_description');
      const rest = answer.toString();
      history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
    }
  }

  /**
   * The page's part of OpenID Connect sign-in: the button #sign-in-oidc (shown only when config.json names a provider)
   * goes to the provider; a load that is the provider's answer signs in, or words the refusal in #sign-in-error.
   */
  async function offerOidcSignIn(cityConfig) {
    const client = oidcClient(cityConfig);
    if (!client) {
      return;
    }
    const button = document.getElementById('sign-in-oidc');
    const error = document.getElementById('sign-in-error');
    const label = () => { button.textContent = t('signIn.oidc', oidcName(cityConfig)); };
    const refused = e => {
      error.textContent = t('signIn.oidcFailed', e.message || String(e));
      error.dataset.status = 'oidc';
    };
    button.dataset.issuer = cityConfig.oidc.issuer;
    label();
    document.addEventListener('city:language', label);
    button.hidden = false;
    button.addEventListener('click', () => client.signinRedirect().catch(refused));
    try {
      await completeOidcSignIn(client);
    } catch (e) {
      refused(e);
    }
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /** A JSON call to the HTTP API of the same origin; revalidates (ETag) instead of trusting a cached copy. */
  async function api(path, options = {}) {
    const headers = Object.assign({}, options.headers || {});
    const bearer = token();
    if (bearer) {
      headers.Authorization = 'Bearer ' + bearer;
    }
    let body = options.body;
    if (body !== undefined && typeof body !== 'string') {
      body = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, { method: options.method || 'GET', headers, body, cache: 'no-cache' });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      const reason = json && (json.message || json.error || (Array.isArray(json) && json[0] && json[0].description));
      throw new ApiError(response.status, reason || response.statusText || String(response.status));
    }
    return json;
  }

  async function config() {
    return api('/web/config.json');
  }

  function setDictionary(byLanguage, cityLanguage) {
    dictionary = byLanguage;
    const chosen = localStorage.getItem(LANGUAGE_KEY) || cityLanguage || 'en';
    language = chosen.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }

  function switchLanguage() {
    language = language === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANGUAGE_KEY, language);
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    translatePage();
    // only a switch redraws what the pages wrote themselves: the first translation comes before any of it
    document.dispatchEvent(new Event('city:language'));
  }

  function t(key, ...values) {
    const entry = (dictionary[language] && dictionary[language][key]) || (dictionary.en && dictionary.en[key]) || key;
    return values.reduce((text, value, i) => text.replace('{' + i + '}', value), entry);
  }

  /** Every element with data-i18n gets its text (or placeholder) in the current language. */
  function translatePage() {
    document.querySelectorAll('[data-i18n]').forEach(el => {
      el.textContent = t(el.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(el => {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    });
  }

  function currentLanguage() {
    return language;
  }

  /** Fen as yuan with two decimals: money stays integer fen everywhere else. */
  function yuan(fen) {
    const sign = fen < 0 ? '-' : '';
    const abs = Math.abs(fen);
    return sign + '¥' + Math.floor(abs / 100) + '.' + String(abs % 100).padStart(2, '0');
  }

  function time(iso, timeZone) {
    if (!iso) {
      return '';
    }
    return new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { timeZone, hour12: false });
  }

  function element(tag, attributes = {}, ...children) {
    const el = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== false) {
        el.setAttribute(name, value === true ? '' : String(value));
      }
    });
    children.flat().forEach(child => el.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return el;
  }

  /** A plain map: tiles only when the city file names them; otherwise the features on a blank ground. */
  function map(container, cityConfig) {
    const leafletMap = L.map(container, { zoomControl: true, attributionControl: Boolean(cityConfig.tileUrl) })
      .setView([cityConfig.lat, cityConfig.lon], 14);
    if (cityConfig.tileUrl) {
      L.tileLayer(cityConfig.tileUrl, { maxZoom: 19 }).addTo(leafletMap);
    } else {
      container.classList.add('no-tiles');
    }
    L.control.scale({ imperial: false }).addTo(leafletMap);
    return leafletMap;
  }

  /** A marker drawn as a small HTML element, so that it carries the automation hooks (data-*) like any element. */
  function dot(latLng, className, attributes, title) {
    const marker = L.marker(latLng, {
      icon: L.divIcon({ className: 'dot ' + className, iconSize: null, html: '' }),
      title: title || '',
      keyboard: false,
    });
    marker.on('add', () => setAttributes(marker, className, attributes));
    return marker;
  }

  function setAttributes(marker, className, attributes) {
    const el = marker.getElement();
    if (!el) {
      return;
    }
    el.className = el.className.split(' ').filter(c => c.startsWith('leaflet-')).concat(['dot'], className.split(' ')).join(' ');
    Object.entries(attributes).forEach(([name, value]) => el.setAttribute(name, String(value)));
  }

  return {
    takeTokenFromFragment, token, signIn, signOut, claims, offerOidcSignIn, api, ApiError, config, setDictionary, switchLanguage, t,
    translatePage, currentLanguage, yuan, time, element, map, dot, setAttributes,
  };
})();
