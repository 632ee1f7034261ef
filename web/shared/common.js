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
    takeTokenFromFragment, token, signIn, signOut, claims, api, ApiError, config, setDictionary, switchLanguage, t,
    translatePage, currentLanguage, yuan, time, element, map, dot, setAttributes,
  };
})();
