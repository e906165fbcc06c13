const __lazyBuiltin = function lazyBuiltin(name, getBuiltin = (id) => process.getBuiltinModule(id)) {
  let real;
  const load = () => (real ??= getBuiltin(name));
  return new Proxy(
    {},
    {
      get: (_, key) => load()[key],
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(load()),
    },
  );
};
const __coreCrypto = { randomUUID: function randomUUIDFromOs(getBuiltin = (id) => process.getBuiltinModule(id)) {
  const fs = getBuiltin('node:fs');
  const bytes = new Uint8Array(16);
  let fd;
  let read = 0;
  try {
    fd = fs.openSync('/dev/urandom', 'r');
    // Only the kernel's device: not a file someone put at that path (C:\dev\urandom on Windows).
    if (fs.fstatSync(fd).isCharacterDevice()) read = fs.readSync(fd, bytes, 0, 16, null);
  } catch {
    read = 0;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (read !== 16) return getBuiltin('node:crypto').randomUUID();
  // RFC 9562 version 4: the version and variant bits set, the other 122 bits random.
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
} };
let __WEBPACK_EXTERNAL_MODULE__run_preflight_js_b436fae2__;
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 166:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(272);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 272:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __lazyBuiltin("node:path");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __lazyBuiltin("node:url");
;// CONCATENATED MODULE: ./src/errors/failure.ts
const ACTION_FAILURE = Symbol.for('auth-action.ActionFailure');
class failure_ActionFailure extends Error {
    failure;
    attempts;
    [ACTION_FAILURE] = true;
    constructor(failure, attempts) {
        super(failure.kind);
        this.failure = failure;
        this.attempts = attempts;
        this.name = 'ActionFailure';
    }
    static [Symbol.hasInstance](value) {
        return (typeof value === 'object' &&
            value !== null &&
            value[ACTION_FAILURE] === true);
    }
}
function onRunnerFile(variable, use) {
    try {
        return use();
    }
    catch (error) {
        const { code, message } = (error ?? {});
        const known = typeof code === 'string'
            ? code
            :
                typeof message === 'string' && message.startsWith('Missing file')
                    ? 'ENOENT'
                    : 'EUNKNOWN';
        throw new failure_ActionFailure({ kind: 'runner-file', variable, code: known });
    }
}

;// CONCATENATED MODULE: ./src/http/retry.ts

const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => {
        setTimeout(resolve, ms);
    }),
    random: () => Math.random(),
};
function backoffDelay(policy, attempt, random) {
    const caps = policy.backoffCapsMs;
    const cap = caps[Math.min(attempt, caps.length) - 1] ?? 0;
    return Math.floor(random * cap);
}
async function withRetries(options) {
    const { policy, clock, deadline } = options;
    let last;
    for (let n = 1; n <= policy.maxAttempts; n++) {
        const left = deadline - clock.now();
        if (left < policy.minAttemptMs) {
            throw new failure_ActionFailure(options.outOfTime(last), { made: n - 1, max: policy.maxAttempts });
        }
        const outcome = await options.attempt(Math.min(policy.attemptTimeoutMs, left), n);
        if (outcome.done)
            return outcome.value;
        last = outcome.failure;
        const attempts = { made: n, max: policy.maxAttempts };
        if (!outcome.retryable || n === policy.maxAttempts) {
            throw new failure_ActionFailure(outcome.failure, outcome.retryable ? attempts : undefined);
        }
        const room = Math.max(0, deadline - clock.now() - policy.attemptTimeoutMs);
        let delayMs = Math.min(backoffDelay(policy, n, clock.random()), room);
        if (policy.lastTryLate && n + 1 === policy.maxAttempts) {
            delayMs = Math.max(delayMs, Math.floor((room / 2) * (1 + clock.random())));
        }
        if (outcome.retryAfterMs !== undefined) {
            delayMs = Math.max(delayMs, Math.min(outcome.retryAfterMs, policy.retryAfterCapMs));
        }
        if (clock.now() + delayMs + policy.minAttemptMs > deadline) {
            throw new failure_ActionFailure(outcome.failure, attempts);
        }
        options.onRetry({
            failure: outcome.failure,
            attempt: n,
            maxAttempts: policy.maxAttempts,
            delayMs,
        });
        await clock.sleep(delayMs);
    }
    throw new failure_ActionFailure(options.outOfTime(last));
}
function parseRetryAfter(value, nowMs) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __lazyBuiltin("node:http");
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = external_http_;
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = external_https_;
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./src/http/without-undici.ts
class ProxyAgent {
    constructor() {
        throw new Error('auth-action does not bundle undici: getAgentDispatcher() is not supported.');
    }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/http/body-limit.ts
const MAX_BODY_BYTES = 64 * 1024;

;// CONCATENATED MODULE: ./src/version.ts
const version_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/http/user-agent.ts

const USER_AGENT = `auth-action/${version_VERSION}`;

;// CONCATENATED MODULE: ./src/http/transport.ts





function abortWith(signal) {
    return {
        prepareRequest(options) {
            options.signal = signal;
        },
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('not supported')),
    };
}
function readBounded(message, maxBytes) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            const room = maxBytes - size;
            chunks.push(chunk.subarray(0, Math.max(room, 0)));
            size += chunk.length;
            if (size > maxBytes) {
                resolve({ body: Buffer.concat(chunks).toString('utf8'), truncated: true });
                message.destroy();
            }
        });
        message.on('end', () => {
            resolve({ body: Buffer.concat(chunks).toString('utf8'), truncated: false });
        });
        message.on('error', reject);
        message.on('aborted', () => {
            reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        });
    });
}
const LOCAL_CODES = /^ERR_(INVALID_|UNESCAPED_|HTTP_INVALID_)/;
function errorCode(error) {
    if (typeof error === 'object' && error !== null) {
        const { code, message } = error;
        if (typeof code === 'string' && code !== '')
            return code;
        if (typeof message === 'string' && message.startsWith('tunneling socket')) {
            return 'EPROXY';
        }
    }
    return 'EUNKNOWN';
}
function unsendable(request) {
    let url;
    try {
        url = new URL(request.url);
    }
    catch {
        return 'the request URL does not parse';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return `the request URL's scheme \`${url.protocol}\` is not http or https`;
    }
    for (const [name, value] of Object.entries(request.headers)) {
        try {
            (0,external_node_http_namespaceObject.validateHeaderName)(name);
            (0,external_node_http_namespaceObject.validateHeaderValue)(name, value);
        }
        catch {
            return `the request's \`${name}\` header has characters HTTP does not allow (a line break or a control character)`;
        }
    }
    try {
        getProxyUrl(url);
    }
    catch {
        const variable = url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
        return `the proxy variable ${variable} (or its lower-case form) is not a URL`;
    }
    return undefined;
}
const httpClientTransport = async (request, timeoutMs) => {
    const problem = unsendable(request);
    if (problem !== undefined)
        return { ok: false, error: { kind: 'unsendable', problem } };
    const controller = new AbortController();
    const timer = setTimeout(() => {
        controller.abort();
    }, timeoutMs);
    const client = new lib_HttpClient(USER_AGENT, [abortWith(controller.signal)], {
        allowRedirects: false,
        allowRetries: false,
        maxRetries: 0,
        keepAlive: false,
        socketTimeout: timeoutMs,
    });
    try {
        const response = await client.request(request.method, request.url, request.body ?? null, request.headers);
        const { body, truncated } = await readBounded(response.message, request.maxBodyBytes ?? MAX_BODY_BYTES);
        return {
            ok: true,
            response: {
                status: response.message.statusCode ?? 0,
                headers: response.message.headers,
                body,
                truncated,
            },
        };
    }
    catch (error) {
        if (controller.signal.aborted)
            return { ok: false, error: { kind: 'timeout' } };
        const code = errorCode(error);
        if (LOCAL_CODES.test(code)) {
            return {
                ok: false,
                error: { kind: 'unsendable', problem: `node refused to form the request (${code})` },
            };
        }
        const silent = error instanceof Error && error.message.startsWith('Request timeout');
        return { ok: false, error: silent ? { kind: 'timeout' } : { kind: 'network', code } };
    }
    finally {
        clearTimeout(timer);
        client.dispose();
    }
};

;// CONCATENATED MODULE: ./src/redact/redact.ts
const MAX_SHOWN = 300;
const URLISH = /\/\/[^\s`'"<>]*/g;
function redactUrlish(urlish) {
    const start = urlish.indexOf('//') + 2;
    let rest = urlish.slice(start);
    const at = rest.lastIndexOf('@');
    if (at !== -1)
        rest = `***${rest.slice(at)}`;
    else if (/^[^/?#]*:[^/?#]*…$/.test(rest))
        rest = '***…';
    const cut = rest.search(/[?#]/);
    if (cut !== -1)
        rest = `${rest.slice(0, cut)}${rest.charAt(cut)}…`;
    return urlish.slice(0, start) + rest;
}
const RUN = /[^\s`'"<>]+/g;
function redactBareCredentials(run) {
    const colon = run.indexOf(':');
    const at = run.lastIndexOf('@');
    if (colon === -1 || at < colon || run.includes('//'))
        return run;
    return `${run.slice(0, colon + 1)}***${run.slice(at)}`;
}
function redactUrls(text) {
    return text.replace(URLISH, redactUrlish).replace(RUN, redactBareCredentials);
}
function redactUrlValue(value) {
    const parts = value.split(/([/\\])/).map((part) => {
        const at = part.lastIndexOf('@');
        return at === -1 ? part : `***${part.slice(at)}`;
    });
    const out = parts.join('');
    const cut = out.search(/[?#]/);
    return cut === -1 ? out : `${out.slice(0, cut)}${out.charAt(cut)}…`;
}
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
function noWorkflowCommand(line) {
    return line.replace(/##\[/g, '## [').replace(/^([\s\u0085]*):(?=:)/, '$1: ');
}
function redact_shown(value, max = MAX_SHOWN) {
    const flat = noWorkflowCommand(redactUrls(value).replace(UNSHOWABLE, ' '));
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
function shownUrl(value, max = MAX_SHOWN) {
    return redact_shown(redactUrlValue(value), max);
}
const MIN_CUT = 4;
function prefixTable(secret) {
    const table = new Int32Array(secret.length);
    for (let i = 1, k = 0; i < secret.length; i++) {
        while (k > 0 && secret.charCodeAt(i) !== secret.charCodeAt(k))
            k = table[k - 1] ?? 0;
        if (secret.charCodeAt(i) === secret.charCodeAt(k))
            k++;
        table[i] = k;
    }
    return table;
}
function cutSecretLength(text, end, secret, table) {
    const after = secret.includes('…') ? 0 : text.lastIndexOf('…', end - 1) + 1;
    let k = 0;
    for (let i = Math.max(0, end - secret.length + 1, after); i < end; i++) {
        const c = text.charCodeAt(i);
        while (k > 0 && c !== secret.charCodeAt(k))
            k = table[k - 1] ?? 0;
        if (c === secret.charCodeAt(k))
            k++;
        if (k === secret.length)
            k = table[k - 1] ?? 0;
    }
    return k;
}
function hideCut(text, secret, table) {
    let out = text;
    for (let cut = out.indexOf('…'); cut !== -1; cut = out.indexOf('…', cut + 1)) {
        const length = cutSecretLength(out, cut, secret, table);
        if (length >= MIN_CUT) {
            out = `${out.slice(0, cut - length)}***${out.slice(cut)}`;
            cut = cut - length + 3;
        }
    }
    return out;
}
class Redactor {
    secrets = new Set();
    tables = new Map();
    add(secret) {
        if (secret.length < 8)
            return;
        this.secrets.add(secret);
        const flat = noWorkflowCommand(secret.replace(UNSHOWABLE, ' '));
        if (flat !== secret && flat.trim().length >= 8)
            this.secrets.add(flat);
    }
    table(secret) {
        let table = this.tables.get(secret);
        if (table === undefined) {
            table = prefixTable(secret);
            this.tables.set(secret, table);
        }
        return table;
    }
    apply(text) {
        let out = text;
        const secrets = [...this.secrets].sort((a, b) => b.length - a.length);
        for (const secret of secrets)
            out = out.split(secret).join('***');
        if (out.includes('…'))
            for (const secret of secrets)
                out = hideCut(out, secret, this.table(secret));
        return redactUrls(out);
    }
}

;// CONCATENATED MODULE: ./src/diagnose/claims.ts

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW_FILENAME = /([^/]+\.(yml|yaml))(@.+)/;
function workflowFileOf(workflowRef) {
    return WORKFLOW_FILENAME.exec(workflowRef)?.[1];
}
const claims_text = (value) => typeof value === 'string' && value !== '' ? redact_shown(value) : undefined;
const seconds = (value) => typeof value === 'number' && Number.isFinite(value) ? value : undefined;
function readClaims(jwt) {
    const payload = jwt.split('.')[1];
    if (payload === undefined)
        return undefined;
    let claims;
    try {
        const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null)
            return undefined;
        claims = parsed;
    }
    catch {
        return undefined;
    }
    const workflowRef = claims_text(claims.workflow_ref);
    const jobWorkflowRef = claims_text(claims.job_workflow_ref);
    const audience = claims_text(Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud);
    return {
        repository: claims_text(claims.repository),
        repositoryOwnerId: claims_text(claims.repository_owner_id),
        workflowRef,
        workflowFile: workflowRef === undefined ? undefined : workflowFileOf(workflowRef),
        reusableWorkflowRef: jobWorkflowRef !== workflowRef ? jobWorkflowRef : undefined,
        environment: claims_text(claims.environment),
        eventName: claims_text(claims.event_name),
        ref: claims_text(claims.ref),
        issuer: claims_text(claims.iss),
        audience,
        expiresAt: seconds(claims.exp),
        issuedAt: seconds(claims.iat),
    };
}

;// CONCATENATED MODULE: ./src/exchange/refusal.ts
function listOf(text) {
    return text
        .split(', ')
        .map((item) => item.trim().replace(/^`(.*)`$/s, '$1'))
        .filter((item) => item !== '');
}
const CONFIG = /^The Trusted Publishing config for repository `(.*?)` /s;
const str = (value) => value ?? '';
const READERS = [
    [/^Failed to decode JWT$/, () => ({ kind: 'undecodable' })],
    [/^Unsupported JWT issuer(?:: (.*))?$/s, (m) => ({ kind: 'unsupported-issuer', issuer: m[1] })],
    [/^Missing JWT key ID$/, () => ({ kind: 'missing-key-id' })],
    [/^Invalid JWT key ID$/, () => ({ kind: 'unknown-key-id' })],
    [/^Failed to load OIDC key set$/, () => ({ kind: 'key-set-unavailable' })],
    [/^JWT has already been used$/, () => ({ kind: 'replayed' })],
    [
        /^Trusted Publishing does not support the `(.*?)` event trigger due to security concerns\./s,
        (m) => ({ kind: 'refused-trigger', event: str(m[1]) }),
    ],
    [/^Unexpected `(.*?)` value$/s, (m) => ({ kind: 'unexpected-claim', claim: str(m[1]) })],
    [
        /^No Trusted Publishing config found for repository `(.*)`\.$/s,
        (m) => ({ kind: 'no-config', repository: str(m[1]) }),
    ],
    [
        new RegExp(`${CONFIG.source}does not match the repository owner ID \\((.*?)\\) in the JWT\\. Expected owner IDs: (.*?)\\. Please recreate`, 's'),
        (m) => ({
            kind: 'owner-id-mismatch',
            repository: str(m[1]),
            ownerId: str(m[2]),
            expected: listOf(str(m[3])),
        }),
    ],
    [
        new RegExp(`${CONFIG.source}does not match the workflow filename \`(.*?)\` in the JWT\\. Expected workflow filenames: (.*)$`, 's'),
        (m) => ({
            kind: 'workflow-mismatch',
            repository: str(m[1]),
            workflow: str(m[2]),
            expected: listOf(str(m[3])),
        }),
    ],
    [
        new RegExp(`${CONFIG.source}requires an environment, but the JWT does not specify one\\. Expected environments: (.*)$`, 's'),
        (m) => ({ kind: 'environment-required', repository: str(m[1]), expected: listOf(str(m[2])) }),
    ],
    [
        new RegExp(`${CONFIG.source}does not match the environment \`(.*?)\` in the JWT\\. Expected environments: (.*)$`, 's'),
        (m) => ({
            kind: 'environment-mismatch',
            repository: str(m[1]),
            environment: str(m[2]),
            expected: listOf(str(m[3])),
        }),
    ],
    [/^No matching Trusted Publishing config found$/, () => ({ kind: 'no-matching-config' })],
    [/^Missing `Authorization` header$/, () => ({ kind: 'missing-authorization' })],
    [
        /^Invalid `Authorization` header: (.*)$/s,
        (m) => ({ kind: 'invalid-authorization', problem: str(m[1]) }),
    ],
];
function readRefusalDetail(detail) {
    for (const [pattern, read] of READERS) {
        const match = pattern.exec(detail.trim());
        if (match)
            return read(match);
    }
    return undefined;
}
function readRefusal(details) {
    for (const detail of details) {
        const refusal = readRefusalDetail(detail);
        if (refusal !== undefined)
            return refusal;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/errors/describe.ts




const MAX_SAID = 1500;
const MAX_PROBLEM = 500;
const MAX_NAME = 80;
const MAX_NAMES = 4;
function what(call, target) {
    const at = shownUrl(target);
    switch (call) {
        case 'id-token':
            return `Requesting an OIDC ID token from GitHub (${at})`;
        case 'exchange':
            return `Exchanging the OIDC ID token for a publish token at ${at}`;
        case 'revoke':
            return `Revoking the publish token at ${at}`;
        case 'index':
            return `Reading the registry's index at ${at}`;
    }
}
function describe_seconds(ms) {
    return `${Math.round(ms / 100) / 10} s`;
}
function sentence(text) {
    const trimmed = text.trim();
    return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
function problemSentence(problem) {
    return sentence(redact_shown(problem, MAX_PROBLEM));
}
function problemClause(problem) {
    return redact_shown(problem, MAX_PROBLEM).trim().replace(/\.+$/, '');
}
function tries(attempts) {
    return attempts && attempts.made > 1 ? ` (after ${attempts.made} attempts)` : '';
}
function whenUnavailable(call) {
    switch (call) {
        case 'id-token':
            return "GitHub's token service may be having trouble: re-run the job.";
        case 'exchange':
            return ('The registry may be down or unreachable: check its status page and re-run the job. ' +
                'On a self-hosted runner behind a proxy, check HTTPS_PROXY and NO_PROXY.');
        case 'revoke':
            return 'The registry may be down or unreachable.';
        case 'index':
            return 'The index may be down or unreachable; on a self-hosted runner behind a proxy, check HTTPS_PROXY and NO_PROXY.';
    }
}
function whenUnsendable(call) {
    if (call === 'index') {
        return "Nothing was sent: check the index URL in cargo's configuration and the proxy variables (HTTPS_PROXY, NO_PROXY).";
    }
    return call === 'id-token'
        ? 'Nothing was sent, and waiting will not fix it: the request is built from ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, which the runner sets; if a step before this one changed them (through GITHUB_ENV), remove that.'
        : 'Nothing was sent, and waiting will not fix it: check the `url` input and the proxy variables (HTTPS_PROXY, NO_PROXY).';
}
function whenBadEnvironment(variable, cargoPath) {
    if (cargoPath) {
        return 'Run the job on a runner whose work folder has no space in its path (and, on Windows, only ASCII characters), or turn `credential-provider` off and give cargo the `token` output.';
    }
    if (variable.startsWith('ACTIONS_ID_TOKEN_REQUEST_')) {
        return 'The runner sets it for jobs with `permissions: id-token: write`: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.';
    }
    if (/proxy/i.test(variable)) {
        return 'Set it to the proxy’s URL, such as `http://proxy.example:3128`, in the runner’s environment or the workflow’s `env:`.';
    }
    return 'The runner sets it for every job: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.';
}
function code(value) {
    return `\`${redact_shown(value, MAX_NAME).replace(/`/g, "'")}\``;
}
function names(values, joiner = 'or') {
    const listed = values.slice(0, MAX_NAMES).map(code);
    if (values.length > MAX_NAMES)
        listed.push(`${values.length - MAX_NAMES} more`);
    if (listed.length < 2)
        return listed.join('');
    return `${listed.slice(0, -1).join(', ')} ${joiner} ${listed[listed.length - 1] ?? ''}`;
}
const CONFIG_PAGE = "on the crate's settings page on the registry (Trusted Publishing)";
function whenExchangeRefused(refusal) {
    switch (refusal.kind) {
        case 'undecodable':
            return ('The registry could not accept the ID token itself: most often its audience is not the ' +
                "registry's domain (a custom `audience` or `url`), or it expired, or its issuer is not GitHub's default one.");
        case 'unsupported-issuer':
            return refusal.issuer === GITHUB_ISSUER
                ? 'This registry does not accept ID tokens from GitHub Actions at all: check that `url` is the registry you mean and that it supports trusted publishing from GitHub.'
                : "Publish from a repository whose ID tokens use GitHub's default issuer.";
        case 'missing-key-id':
            return ('The ID token names no signing key (`kid`), and GitHub’s always do: it did not come from GitHub Actions’ token service. ' +
                'If a step before this one changed ACTIONS_ID_TOKEN_REQUEST_URL (through GITHUB_ENV), remove that; on a self-hosted runner, check that no proxy answers for GitHub.');
        case 'unknown-key-id':
            return ('The registry does not know the key that signed the ID token. Most likely GitHub has just rotated its signing keys and the registry’s copy of them lags ' +
                '(crates.io fetches them again at most once a minute): re-run the job in a few minutes. ' +
                'If it persists, the ID token was not signed by GitHub Actions’ token service: check ACTIONS_ID_TOKEN_REQUEST_URL and, on a self-hosted runner, the proxy settings.');
        case 'key-set-unavailable':
            return KEY_SET_UNAVAILABLE;
        case 'replayed':
            return ('The registry had already seen this ID token: the request was replayed on the way (by a proxy that retries POST requests, most likely). ' +
                'ID tokens are single-use, and the action sends a fresh one with every attempt and tries once more after a replay. ' +
                'If a proxy is on the way (HTTPS_PROXY), stop it from retrying requests to the registry; then re-run the job.');
        case 'refused-trigger':
            return 'Publish from a `push` (tags), `release` or `workflow_dispatch` trigger.';
        case 'unexpected-claim':
            return (`The registry could not read this run’s ${code(refusal.claim)} claim, which GitHub Actions’ ID tokens always carry in a shape it reads: ` +
                'compare the claims listed with what GitHub sends, and if the ID token came from GitHub, ask the registry.');
        case 'no-config':
            return (`The registry has no trusted publisher for the repository ${code(refusal.repository)}: add one ${CONFIG_PAGE} with this repository’s owner, name and workflow file ` +
                '(case does not count in the names); if the repository was renamed or moved to another owner, update the trusted publisher to match.');
        case 'owner-id-mismatch':
            return (`The owner ID in this run (${code(refusal.ownerId)}) is not the one the trusted publisher stored (${names(refusal.expected)}). ` +
                'An owner ID changes when the account or organisation was deleted and recreated under the same name, or when the repository moved to a new owner, ' +
                `so the registry no longer takes it for the same owner: delete the trusted publisher ${CONFIG_PAGE} and create it again (it then stores the new ID).`);
        case 'workflow-mismatch':
            return (`This run’s workflow file is ${code(refusal.workflow)}, and the trusted publisher expects ${names(refusal.expected)}: ` +
                `publish from that workflow file, or change the trusted publisher’s workflow file to ${code(refusal.workflow)} ` +
                '(only the file name; case counts, and `.yml` is not `.yaml`; for a reusable workflow, the calling one).');
        case 'environment-required':
            return refusal.expected.length > 1
                ? `The trusted publisher requires an environment and this job runs in none: add one of ${names(refusal.expected.map((name) => `environment: ${name}`))} to the job that runs this action.`
                : `The trusted publisher requires an environment and this job runs in none: add ${code(`environment: ${refusal.expected[0] ?? ''}`)} to the job that runs this action.`;
        case 'environment-mismatch':
            return (`This job runs in the environment ${code(refusal.environment)}, and the trusted publisher expects ${names(refusal.expected)}: ` +
                `run the job in ${refusal.expected.length > 1 ? 'one of them' : 'that one'} (${names(refusal.expected.map((name) => `environment: ${name}`))}), or add a trusted publisher for ${code(refusal.environment)} ${CONFIG_PAGE}.`);
        case 'no-matching-config':
            return ('This registry runs crates.io code from before July 2025, which does not say what differs: ' +
                "compare the registry's trusted publisher settings for your crate (repository owner and " +
                'name, owner ID, workflow file name, environment) with this run, and fix whichever differs.');
        case 'missing-authorization':
        case 'invalid-authorization':
            return 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.';
    }
}
function whenRevocationRefused(refusal) {
    switch (refusal?.kind) {
        case 'missing-authorization':
            return 'The request reached the registry without its Authorization header: on a self-hosted runner, a proxy on the way (HTTPS_PROXY) most likely removed it.';
        case 'invalid-authorization':
            return 'The registry did not take what was sent for one of its tokens: the token the action kept for revocation was changed after it was written, or the registry gave a token of another kind.';
        default:
            return 'The registry did not accept the token for revocation.';
    }
}
const KEY_SET_UNAVAILABLE = 'The registry could not load GitHub’s signing keys to check the ID token: that is on the registry’s side (or GitHub’s key endpoint), not in this workflow. ' +
    "Check the registry's status page and re-run the job later.";
const noEndpoint = (status) => status === 404 || status === 405;
function whenRefused(call, status, details, page) {
    if (call === 'id-token') {
        if (page) {
            return ("The answer did not come from GitHub's token service (an error page from a proxy, most likely): " +
                'on a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY); otherwise re-run the job.');
        }
        return status === 401 || status === 403
            ? "GitHub refused the job's request token: re-run the job; if it persists, check the job's `permissions: id-token: write`."
            : 'Re-run the job; if it persists, check https://www.githubstatus.com.';
    }
    if (call === 'index') {
        if (status === 401 || status === 403) {
            return "The check reads an index without credentials, as crates.io's is read; an index that wants them is not checked.";
        }
        return "No sparse index answers at this address (each has a config.json at its root): check the index URL in cargo's configuration.";
    }
    if (noEndpoint(status)) {
        return ('The registry has no trusted-publishing endpoint at this address: check that `url` is ' +
            "the registry's web address (for crates.io, `https://crates.io`) and that it supports trusted publishing.");
    }
    if (page) {
        return ("The answer did not come from the registry's API (an error page from a proxy or a maintenance page, most likely): " +
            "check that `url` is the registry's address " +
            'and, on a self-hosted runner, the proxy settings (HTTPS_PROXY, NO_PROXY); if the registry is in maintenance, re-run the job later.');
    }
    const refusal = readRefusal(details);
    if (call === 'revoke')
        return whenRevocationRefused(refusal);
    return refusal === undefined
        ? 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.'
        : whenExchangeRefused(refusal);
}
function whenServerFailed(failure) {
    const refusal = failure.call === 'exchange' ? readRefusal(failure.details) : undefined;
    return refusal?.kind === 'key-set-unavailable'
        ? KEY_SET_UNAVAILABLE
        : whenUnavailable(failure.call);
}
function describeBody(body) {
    const size = body.truncated ? `more than ${body.bytes} bytes` : `${body.bytes} bytes`;
    if (/json/i.test(body.contentType) && !body.truncated) {
        return `a body of ${size} labelled ${redact_shown(body.contentType, 100)} that does not parse as JSON`;
    }
    const type = body.contentType === '' ? 'without a content type' : `(${redact_shown(body.contentType, 100)})`;
    return `a body of ${size} ${type}, not the server's JSON error`;
}
function statusText(failure, guess) {
    const head = `HTTP ${failure.status}`;
    if (failure.details.length > 0)
        return `${head}: ${redact_shown(failure.details.join(' '), MAX_SAID)}`;
    const body = failure.unexpectedBody;
    if (body === undefined)
        return `${head} with no explanation`;
    const likely = guess
        ? ' (an error page from a proxy, a load balancer or a maintenance page, most likely)'
        : '';
    return `${head} with ${describeBody(body)}${likely}`;
}
function whenUnknownHost(call) {
    switch (call) {
        case 'id-token':
            return 'The runner gives this address (ACTIONS_ID_TOKEN_REQUEST_URL): on a self-hosted runner, check its DNS settings; otherwise re-run the job.';
        case 'exchange':
            return 'Check the `url` input for a typo.';
        case 'revoke':
            return 'The main step reached the registry at this address, so this is most likely a passing DNS failure.';
        case 'index':
            return "Check the index URL in cargo's configuration (or CARGO_REGISTRIES_<NAME>_INDEX) for a typo.";
    }
}
function timeoutText(failure) {
    if (describe_seconds(failure.timeoutMs) === describe_seconds(failure.limitMs)) {
        return `no complete answer within ${describe_seconds(failure.timeoutMs)}`;
    }
    return `no complete answer within ${describe_seconds(failure.limitMs)} a try, and the last try had only the ${describe_seconds(failure.timeoutMs)} left of its time budget`;
}
function tokenRecordText(failure) {
    const unrevoked = 'the tokens it minted for cargo were not revoked and expire on their own 30 minutes after they were issued.';
    if (failure.problem !== undefined) {
        return `The credential provider's token record was not read (${problemClause(failure.problem)}): ${unrevoked}`;
    }
    if (failure.code === 'ENOENT') {
        return "The credential provider's token record could not be found: any token the provider minted for cargo may still be alive, and expires on its own 30 minutes after it was issued.";
    }
    return failure.code === ''
        ? `${failure.skippedLines} line(s) of the credential provider's token record could not be read; any token they held was not revoked and expires on its own 30 minutes after it was issued.`
        : `The credential provider's token record could not be read (${redact_shown(failure.code, 40)}): ${unrevoked}`;
}
function describeFailure(failure, attempts) {
    switch (failure.kind) {
        case 'invalid-input':
            return failure.tooLong
                ? `The \`${failure.input}\` input is ${failure.value.length} characters long: ${problemSentence(failure.problem)} Fix it in the step's \`with:\`.`
                : `The \`${failure.input}\` input (\`${shownUrl(failure.value)}\`) is invalid: ${problemSentence(failure.problem)} Fix it in the step's \`with:\`.`;
        case 'missing-input':
            return `The \`${failure.input}\` input is needed: ${problemSentence(failure.reason)} Fix it in the step's \`with:\`.`;
        case 'bad-environment':
            return `The runner's ${failure.variable} ${problemClause(failure.problem)}, so the step stopped before any request. ${whenBadEnvironment(failure.variable, failure.cargoPath === true)}`;
        case 'runner-file':
            return (`The runner's ${failure.variable} ${failure.variable === 'RUNNER_TEMP' ? 'folder' : 'file'} could not be written or read (${redact_shown(failure.code, 40)}). ` +
                'This is the runner’s disk or setup, not the network: re-run the job; on a self-hosted runner, check that its work folder is writable and not full.');
        case 'cargo-request':
            return `auth-action's credential provider could not read cargo's request: ${problemClause(failure.problem)}. It speaks version 1 of cargo's credential-provider protocol, which cargo 1.74 and later use.`;
        case 'token-record':
            return tokenRecordText(failure);
        case 'invalid-state':
            return `The ${failure.name} that auth-action's main step left in ${failure.where} (\`${shownUrl(failure.value)}\`) is invalid: ${problemSentence(failure.problem)}`;
        case 'no-id-token':
            return failure.fromFork
                ? 'This run was triggered by a pull request from a fork, and GitHub gives such runs no OIDC ID token, ' +
                    'whatever the workflow’s `permissions` say, so they cannot publish. Publish from a trigger that ' +
                    'forks cannot fire: a tag push (`on: push: tags:`), `release`, or `workflow_dispatch`.'
                : 'This job cannot request an OIDC ID token from GitHub: ACTIONS_ID_TOKEN_REQUEST_URL and ' +
                    'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Give the job (or the whole workflow) ' +
                    '`permissions: id-token: write`, and list beside it every other permission the job needs ' +
                    '(such as `contents: read`), since naming one drops the defaults.';
        case 'unsendable':
            return `${what(failure.call, failure.target)} failed on this machine: ${problemSentence(failure.problem)} ${whenUnsendable(failure.call)}`;
        case 'network':
            return `${what(failure.call, failure.target)} failed${tries(attempts)}: the connection failed (${redact_shown(failure.code, 40)}). ${whenUnavailable(failure.call)}`;
        case 'unknown-host':
            return `${what(failure.call, failure.target)} failed: the host was not found (DNS). ${whenUnknownHost(failure.call)}`;
        case 'tls':
            return (`${what(failure.call, failure.target)} failed: the server's certificate is not trusted (${redact_shown(failure.code, 40)}). ` +
                `If ${failure.call === 'id-token' ? 'a proxy on the way' : 'the registry or a proxy on the way'} uses a private CA, set NODE_EXTRA_CA_CERTS to its certificate file.`);
        case 'timeout':
            return `${what(failure.call, failure.target)} failed${tries(attempts)}: ${timeoutText(failure)}. ${whenUnavailable(failure.call)}`;
        case 'redirect': {
            const to = failure.location === undefined ? 'no Location' : `\`${shownUrl(failure.location)}\``;
            if (failure.call === 'index') {
                return (`${what(failure.call, failure.target)} failed: the server answered with a redirect (HTTP ${failure.status}) to ${to}. ` +
                    "Redirects are not followed: the check reads the index only at the address cargo's configuration gives.");
            }
            const secret = {
                'id-token': "the job's request token",
                exchange: 'the ID token',
                revoke: 'the token',
            }[failure.call];
            const next = failure.call === 'id-token'
                ? "GitHub's token service does not redirect: on a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY); otherwise re-run the job."
                : 'If the registry has moved, set the `url` input to its new address.';
            return (`${what(failure.call, failure.target)} failed: the server answered with a redirect (HTTP ${failure.status}) to ${to}. ` +
                `Redirects are not followed, so that ${secret} never travels to a host you did not name. ${next}`);
        }
        case 'http-status': {
            const server = failure.status >= 500 || failure.status === 408 || failure.status === 429;
            const page = failure.unexpectedBody !== undefined;
            const next = server
                ? whenServerFailed(failure)
                : whenRefused(failure.call, failure.status, failure.details, page);
            const said = statusText(failure, server);
            return `${sentence(`${what(failure.call, failure.target)} failed${tries(attempts)}: ${said}`)} ${next}`;
        }
        case 'malformed-response':
            if (failure.call === 'revoke') {
                return (`${what(failure.call, failure.target)} failed: the answer (HTTP ${failure.status}) is not a revocation: ${problemSentence(failure.problem)} ` +
                    'On a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY).');
            }
            return (`${what(failure.call, failure.target)} failed: the answer (HTTP ${failure.status}) is malformed: ${problemSentence(failure.problem)} ` +
                (failure.call === 'id-token'
                    ? "This is GitHub's side: re-run the job."
                    : failure.call === 'index'
                        ? "Check that cargo's configuration names the registry's sparse index."
                        : 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.'));
        case 'no-manifest':
            return (`The \`workspace\` input names ${shownPath(failure.dir)}, which has no Cargo.toml, so there is no workspace to check; no token was requested. ` +
                'Set `workspace` to the directory of the Cargo.toml of the workspace (or package) to release, relative to GITHUB_WORKSPACE, and check the repository out (actions/checkout) in a step before this one.');
        case 'no-cargo':
            return (`The \`workspace\` input asks for a check of ${shownPath(failure.dir)}, which reads it through cargo, but cargo could not be started (${redact_shown(failure.code, 40)}${failure.code === 'ENOENT' ? ': it is not on PATH' : ''}); no token was requested. ` +
                'Install Rust in a step before this one (rustup, or an action such as dtolnay/rust-toolchain), or leave `workspace` empty.');
        case 'cargo-metadata': {
            const said = failure.said.trim() === '' ? '' : ` cargo said: ${sentence(redact_shown(failure.said, MAX_SAID))}`;
            return (`cargo could not read the workspace that the \`workspace\` input names (${shownPath(failure.dir)}): \`cargo metadata\` ${problemClause(failure.problem) || 'failed'}.${said} ` +
                'No token was requested. Fix what cargo names, usually the manifest or the Rust toolchain (`cargo metadata --no-deps` in that directory shows the same), or point `workspace` at the right directory.');
        }
        case 'new-crates':
            return newCratesText(failure.crates, failure.registry, failure.index);
        case 'index-unreadable':
            return (`${describeFailure(failure.last, failure.attempts)} ` +
                `So the check of the workspace cannot tell which crates the index at ${shownUrl(failure.index)} has${failure.crate === undefined ? '' : ` (it stopped at ${shownCrateName(failure.crate)})`}: ${AS_IF_NOTHING_OUT}`);
        case 'index-auth-required':
            return `The registry's index at ${shownUrl(failure.index)} requires credentials (\`auth-required\` in its config.json), and the check of the workspace sends none to an index, so a crate missing from its answers proves nothing.`;
        case 'index-unknown':
            return failure.reason === 'git'
                ? `The registry \`${redact_shown(failure.registry, 64)}\` has a git index (${shownUrl(failure.index)}), which the check of the workspace does not read (it reads sparse indexes, as cargo does for crates.io): ${AS_IF_NOTHING_OUT}`
                : `cargo's configuration for this workspace names no index for the registry \`${redact_shown(failure.registry, 64)}\` (\`[registries.${redact_shown(failure.registry, 64)}] index\` in a .cargo/config.toml, or ${shownUrl(failure.index, 100)}), so the check of the workspace cannot read it: ${AS_IF_NOTHING_OUT} \`cargo publish --registry ${redact_shown(failure.registry, 64)}\` needs that setting too.`;
        case 'out-of-time': {
            const last = failure.last ? ` The last failure: ${describeFailure(failure.last)}` : '';
            return `${what(failure.call, failure.target)} did not finish within its ${describe_seconds(failure.budgetMs)} budget${tries(attempts)}.${last}`;
        }
    }
}
const AS_IF_NOTHING_OUT = '`unpublished` lists every crate to be released and `exclude-published` is empty. Nothing is blocked: cargo checks each version against the index itself before it uploads.';
function shownPath(dir) {
    return `\`${shownUrl(dir, 200).replace(/`/g, "'")}\``;
}
function shownCrateName(name) {
    return `\`${redact_shown(name, 64).replace(/`/g, "'")}\``;
}
function shownCrate(crate) {
    return `${shownCrateName(crate.name)} ${redact_shown(crate.version, 64).replace(/`/g, "'")}`;
}
const NEW_CRATE_REFUSAL = 'Trusted Publishing tokens do not support creating new crates. Publish the crate manually, first';
function newCratesText(crates, registry, index) {
    const shownList = crates.slice(0, 20).map(shownCrate).join(', ');
    const more = crates.length > 20 ? ` and ${crates.length - 20} more` : '';
    const one = crates.length === 1;
    const where = registry === 'crates-io' ? 'crates.io' : `the registry \`${redact_shown(registry, 64)}\``;
    const name = one && crates[0] !== undefined ? redact_shown(crates[0].name, 64).replace(/`/g, "'") : 'NAME';
    const first = registry === 'crates-io'
        ? `publish its first version by hand with an API token (\`cargo publish -p ${name}\` with a token from https://crates.io/settings/tokens)`
        : `publish its first version by hand with a token of that registry (\`cargo publish -p ${name} --registry ${redact_shown(registry, 64)}\`)`;
    return (`${where[0]?.toUpperCase() ?? ''}${where.slice(1)} does not have ${one ? 'the crate' : 'these crates'} ${shownList}${more} at all (its index at ${shownUrl(index)} does not list ${one ? 'it' : 'them'}), ` +
        `and trusted publishing cannot create a crate: the registry would refuse ${one ? 'its' : 'each'} first upload ("${NEW_CRATE_REFUSAL}"), half-way through the release. ` +
        'Nothing was published and no token was requested. ' +
        `Once for ${one ? 'it' : 'each'}: ${first}, add this repository and workflow as its trusted publisher in the crate's settings, and re-run this job. ` +
        'A crate that is not to be published: set `publish = false` in its Cargo.toml.');
}
function retryReason(failure) {
    switch (failure.kind) {
        case 'timeout':
            return `no answer within ${describe_seconds(failure.timeoutMs)}`;
        case 'network':
            return `connection failed (${redact_shown(failure.code, 40)})`;
        case 'http-status':
            if (failure.call === 'exchange' && readRefusal(failure.details)?.kind === 'replayed') {
                return (`HTTP ${failure.status} "JWT has already been used": the registry had seen this ID token before, so the request was replayed on the way ` +
                    '(by a proxy that retried it, most likely); the next try sends a fresh ID token, once');
            }
            return `HTTP ${failure.status}`;
        default:
            return failure.kind;
    }
}
function midReleaseNote(crate) {
    const name = `\`${shown(crate, 64)}\``;
    return `cargo was about to publish ${name}, so the crates it published before it, if any, are out: once this is fixed, publish the rest from ${name} on (\`cargo publish --workspace\` stops at a version already published, so exclude those with \`--exclude\`, or publish crate by crate with \`-p\`).`;
}
function explainedAbove(failure) {
    return failure.kind === 'no-id-token'
        ? ' The lines to add are shown above and in the step summary.'
        : ' What this run sent is listed above and in the step summary.';
}
function messageOf(error) {
    if (typeof error === 'string')
        return error.trim() === '' ? 'an empty string was thrown' : error;
    try {
        if (error instanceof Error) {
            return error.message.trim() === '' ? 'an error without a message' : error.message;
        }
    }
    catch {
        return 'an error whose message cannot be read';
    }
    return 'something that is not an Error was thrown';
}
function describeError(error, explained = false) {
    if (error instanceof failure_ActionFailure) {
        return (describeFailure(error.failure, error.attempts) +
            (explained ? explainedAbove(error.failure) : ''));
    }
    return `auth-action stopped on an unexpected error: ${sentence(redact_shown(messageOf(error)))} Please report it with this log.`;
}

;// CONCATENATED MODULE: ./src/inputs/registry-url.ts

const DEFAULT_REGISTRY_URL = 'https://crates.io';
const MAX_URL_LENGTH = 2048;
const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;
function isLoopbackHost(hostname) {
    if (hostname === 'localhost' || hostname === '[::1]')
        return true;
    const octets = hostname.split('.');
    return (octets.length === 4 &&
        octets[0] === '127' &&
        octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255));
}
const MAX_SUGGESTED = 200;
function suggestion(value) {
    if (value.length > MAX_SUGGESTED || !/^[\x21-\x5f\x61-\x7e]+$/.test(value))
        return '';
    const authority = value.split(/[/?#]/, 1)[0] ?? '';
    if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(authority))
        return '';
    const host = authority.split(':')[0] ?? '';
    if (!host.includes('.') && host.toLowerCase() !== 'localhost')
        return '';
    return registry_url_checkRegistryUrl(`https://${value}`).ok ? ` Did you mean \`https://${value}\`?` : '';
}
function unparsable(value) {
    const authority = AUTHORITY.exec(value)?.[1] ?? '';
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const port = /:(\d+)$/.exec(hostPort)?.[1];
    if (port !== undefined && Number(port) > 65535) {
        return `its port ${port.length > 10 ? `${port.slice(0, 10)}…` : port} is out of range (1 to 65535).`;
    }
    if (/\s/.test(authority))
        return 'its host name contains a space.';
    if (hostPort === '' || hostPort.startsWith(':'))
        return 'it has no host name.';
    return 'it is not a valid URL.';
}
function hostProblem(hostname) {
    if (hostname.length > MAX_HOST_LENGTH) {
        return `its host name is longer than ${MAX_HOST_LENGTH} characters, the most DNS allows.`;
    }
    if (hostname.split('.').some((label) => label.length > MAX_LABEL_LENGTH)) {
        return `a part of its host name is longer than ${MAX_LABEL_LENGTH} characters, the most DNS allows.`;
    }
    return undefined;
}
function registry_url_checkRegistryUrl(value) {
    if (value.length > MAX_URL_LENGTH) {
        return {
            ok: false,
            tooLong: true,
            problem: `a URL may be at most ${MAX_URL_LENGTH} characters.`,
        };
    }
    if (!SCHEME.test(value)) {
        const hint = /^[a-z][a-z0-9+.-]*:/i.test(value) ? '' : suggestion(value);
        return { ok: false, problem: `it must be an absolute URL starting with \`https://\`.${hint}` };
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return { ok: false, problem: unparsable(value) };
    }
    if (url.protocol === 'http:') {
        if (!isLoopbackHost(url.hostname)) {
            return {
                ok: false,
                problem: 'plain `http://` would send the ID token and the publish token over the network unencrypted; ' +
                    'use `https://` (plain `http://` is accepted only for localhost and 127.0.0.0/8 or [::1]).',
            };
        }
    }
    else if (url.protocol !== 'https:') {
        return {
            ok: false,
            problem: `the scheme \`${url.protocol}\` is not supported; use \`https://\`.`,
        };
    }
    if (url.port === '0')
        return { ok: false, problem: 'its port 0 is out of range (1 to 65535).' };
    const badHost = hostProblem(url.hostname);
    if (badHost !== undefined)
        return { ok: false, problem: badHost };
    if (url.username !== '' || url.password !== '') {
        return {
            ok: false,
            problem: 'it must not contain credentials; the action authenticates with the ID token.',
        };
    }
    if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
        return {
            ok: false,
            problem: 'it must not contain a query (`?…`) or a fragment (`#…`).',
        };
    }
    return { ok: true, baseUrl: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
}
function parseRegistryUrl(raw) {
    const value = raw === '' ? DEFAULT_REGISTRY_URL : raw;
    const checked = registry_url_checkRegistryUrl(value);
    if (checked.ok)
        return checked.baseUrl;
    throw new failure_ActionFailure({
        kind: 'invalid-input',
        input: 'url',
        value,
        problem: checked.problem,
        ...(checked.tooLong ? { tooLong: true } : {}),
    });
}
function defaultAudience(baseUrl) {
    return new URL(baseUrl).host;
}
function parseAudience(raw, baseUrl) {
    if (raw === '')
        return defaultAudience(baseUrl);
    if (/[\s\u0000-\u001f\u007f-\u009f]/.test(raw)) {
        throw new failure_ActionFailure({
            kind: 'invalid-input',
            input: 'audience',
            value: raw,
            problem: 'it must not contain spaces or control characters.',
        });
    }
    return raw;
}
function tokensEndpoint(baseUrl) {
    return `${baseUrl}/api/v1/trusted_publishing/tokens`;
}

;// CONCATENATED MODULE: ./src/diagnose/explain-refusal.ts



const FLAGS = {
    'unsupported-issuer': ['issuer'],
    'refused-trigger': ['event'],
    'no-config': ['repository'],
    'owner-id-mismatch': ['owner-id'],
    'workflow-mismatch': ['workflow'],
    'environment-required': ['environment'],
    'environment-mismatch': ['environment'],
    'no-matching-config': ['repository', 'owner-id', 'workflow', 'environment'],
};
const CLAIM_ROWS = {
    repository: 'repository',
    workflow_ref: 'workflow',
    repository_owner_id: 'owner-id',
};
function flagsOf(refusal) {
    if (refusal === undefined)
        return [];
    if (refusal.kind === 'unexpected-claim') {
        const row = CLAIM_ROWS[refusal.claim];
        return row === undefined ? [] : [row];
    }
    return FLAGS[refusal.kind] ?? [];
}
const LEEWAY_SECONDS = 60;
function duration(seconds) {
    const s = Math.abs(Math.round(seconds));
    return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}
function lifetime(claims, now) {
    if (claims.expiresAt === undefined)
        return 'no `exp` claim';
    const left = claims.expiresAt - now;
    return left >= 0 ? `expires in ${duration(left)}` : `expired ${duration(left)} ago`;
}
function expectedAudience(baseUrl) {
    return baseUrl === DEFAULT_REGISTRY_URL ? 'crates.io' : defaultAudience(baseUrl);
}
function rowsFor(claims, context) {
    const none = (what) => `(${what})`;
    const rows = [
        {
            key: 'repository',
            compared: 'Repository (`repository`)',
            value: claims.repository ?? none('missing'),
            check: 'The trusted publisher’s repository owner and name (case does not count). A renamed or transferred repository needs its config updated.',
        },
        {
            key: 'owner-id',
            compared: 'Repository owner ID (`repository_owner_id`)',
            value: claims.repositoryOwnerId ?? none('missing'),
            check: 'The owner ID the registry stored when the config was made. A repository or owner account deleted and recreated under the same name has a new ID: delete the config and create it again.',
        },
        {
            key: 'workflow',
            compared: 'Workflow file (from `workflow_ref`)',
            value: claims.workflowFile ?? none(`no \`.yml\` file in \`${claims.workflowRef ?? ''}\``),
            check: 'The config’s workflow file name, exactly: only the file name, case counts, and `.yml` is not `.yaml`.',
        },
    ];
    if (claims.reusableWorkflowRef !== undefined) {
        rows.push({
            key: 'reusable',
            compared: 'Reusable workflow (`job_workflow_ref`)',
            value: claims.reusableWorkflowRef,
            check: 'Not compared: this job runs in a reusable workflow, and crates.io matches the calling workflow, both its repository and its file name (the Repository and Workflow file rows), not the reusable one.',
        });
    }
    rows.push({
        key: 'environment',
        compared: 'Environment (`environment`)',
        value: claims.environment ?? none('none: the job has no `environment:`'),
        check: 'If the config names an environment, the job needs `environment: <that name>` (case does not count). A config without one accepts any.',
    }, {
        key: 'event',
        compared: 'Event (`event_name`)',
        value: claims.eventName ?? none('missing'),
        check: 'crates.io refuses `pull_request_target` and `workflow_run`; publish on `push` (tags), `release` or `workflow_dispatch`.',
    }, {
        key: 'ref',
        compared: 'Ref (`ref`)',
        value: claims.ref ?? none('missing'),
        check: 'Not compared by crates.io; shown to identify the run.',
    });
    if (claims.issuer !== GITHUB_ISSUER) {
        rows.push({
            key: 'issuer',
            compared: 'Issuer (`iss`)',
            value: claims.issuer ?? none('missing'),
            check: `crates.io accepts only \`${GITHUB_ISSUER}\`. An enterprise-scoped issuer (set in the enterprise's OIDC settings) or GitHub Enterprise Server is refused: publish from a repository that uses the default issuer.`,
        });
    }
    rows.push({
        key: 'audience',
        compared: 'Audience (`aud`)',
        value: claims.audience ?? none('missing'),
        check: `The registry’s domain (\`${expectedAudience(context.baseUrl)}\` for ${context.baseUrl}). It comes from the \`audience\` input if set, else from the host of \`url\`.`,
    }, {
        key: 'lifetime',
        compared: 'ID token lifetime (`iat`, `exp`)',
        value: lifetime(claims, context.nowSeconds),
        check: 'GitHub’s ID tokens live about 5 minutes; registries allow about 60 s of clock skew.',
    });
    return rows;
}
function hiddenCauses(claims, context) {
    const expected = expectedAudience(context.baseUrl);
    const audienceOff = claims.audience !== expected;
    const source = !context.audienceFromInput
        ? `derived from \`url\` (${context.baseUrl})`
        : 'set by the `audience` input: remove it unless the registry documents another value';
    const now = context.nowSeconds;
    const expired = claims.expiresAt !== undefined && claims.expiresAt + LEEWAY_SECONDS <= now;
    const early = claims.issuedAt !== undefined && claims.issuedAt - LEEWAY_SECONDS > now;
    return [
        {
            text: audienceOff
                ? `An audience other than the registry’s domain: this run asked for \`${claims.audience ?? ''}\` (${source}), the registry most likely expects \`${expected}\`.`
                : `An audience other than the registry’s domain: this run asked for \`${claims.audience ?? ''}\`, which is the registry’s host; only a registry whose domain differs from its URL would refuse it.`,
            likely: audienceOff,
            row: 'audience',
        },
        {
            text: expired
                ? `An expired ID token: it expired ${duration(now - (claims.expiresAt ?? now))} ago.`
                : early
                    ? 'An ID token from the future: its `iat` is ahead of this machine’s clock; a clock is wrong.'
                    : 'An expired or not-yet-valid ID token: this one was within its lifetime when sent.',
            likely: expired || early,
            row: 'lifetime',
        },
        {
            text: claims.issuer === GITHUB_ISSUER
                ? 'An unsupported issuer: this run’s issuer is GitHub’s default one, which crates.io accepts.'
                : `An unsupported issuer: this run’s issuer is \`${claims.issuer ?? ''}\`, not \`${GITHUB_ISSUER}\`.`,
            likely: claims.issuer !== GITHUB_ISSUER,
            row: 'issuer',
        },
    ];
}
function diagnoseRefusal(details, claims, context) {
    const refusals = details.map(readRefusalDetail);
    const flagged = new Set(refusals.flatMap(flagsOf));
    const decodeFailure = refusals.some((r) => r?.kind === 'undecodable');
    const notes = [];
    if (refusals.some((r) => r?.kind === 'replayed')) {
        notes.push('The registry had already seen this ID token: the request was replayed on the way, by a proxy that retried it most likely. The action tries once more with a fresh ID token after a replay.');
    }
    const causes = decodeFailure ? hiddenCauses(claims, context) : [];
    if (decodeFailure && !causes.some((c) => c.likely)) {
        notes.push('None of these shows in this run’s claims: the registry may have failed to check the signature against GitHub’s keys. Re-run the job; if it persists, ask the registry.');
    }
    causes.filter((c) => c.likely).forEach((c) => flagged.add(c.row));
    return {
        rows: rowsFor(claims, context).map((row) => ({ ...row, flagged: flagged.has(row.key) })),
        hiddenCauses: causes,
        notes,
    };
}

;// CONCATENATED MODULE: ./src/diagnose/preflight.ts

const REFUSED_TRIGGERS = ['pull_request_target', 'workflow_run'];
function triggerWarning(event, baseUrl) {
    if (baseUrl !== DEFAULT_REGISTRY_URL || !REFUSED_TRIGGERS.includes(event.name))
        return undefined;
    return (`This run was triggered by \`${event.name}\`, and crates.io refuses trusted publishing from it ` +
        '(it can run with code or data from outside the repository). The exchange will most likely be ' +
        'refused: publish from `push` (tags), `release` or `workflow_dispatch` instead.');
}
function inputWarnings(inputs) {
    const { registryName, provider, registry, workspace } = inputs;
    if (registryName === '')
        return [];
    if (provider === undefined && workspace === '') {
        return [
            'The `registry-name` input does nothing without `credential-provider: true` or `workspace`: give cargo the `token` output (as `CARGO_REGISTRIES_<NAME>_TOKEN`), or turn the provider on.',
        ];
    }
    if (provider !== undefined && registry.baseUrl === DEFAULT_REGISTRY_URL) {
        return [
            `With \`registry-name: ${registryName}\` the provider serves \`cargo publish --registry ${registryName}\` only, and \`url\` is crates.io: to publish to crates.io itself (\`cargo publish\`), leave \`registry-name\` empty.`,
        ];
    }
    return [];
}
const PERMISSIONS_SNIPPET = [
    'Add this to the job that runs this action (or at the top of the workflow):',
    '    permissions:',
    '      contents: read',
    '      id-token: write',
].join('\n');

;// CONCATENATED MODULE: ./src/diagnose/render.ts

const AID = 'These values come from this run’s ID token: a debugging aid to compare with the registry’s trusted publisher settings, not something to copy into them blindly.';
function diagnosisForLog(diagnosis) {
    const lines = ['What the registry compared, as this run’s ID token states it:'];
    for (const row of diagnosis.rows) {
        lines.push(`${row.flagged ? '  ✗ ' : '    '}${row.compared}: ${row.value}`);
        lines.push(`        ${row.check}`);
    }
    if (diagnosis.hiddenCauses.length > 0) {
        lines.push('The registry said only "Failed to decode JWT". That one message hides:');
        for (const cause of diagnosis.hiddenCauses) {
            lines.push(`  ${cause.likely ? 'LIKELY  ' : 'unlikely'} ${cause.text}`);
        }
    }
    for (const note of diagnosis.notes)
        lines.push(note);
    lines.push(AID);
    return lines.join('\n');
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
function codeCell(text) {
    return `\`${cell(shown(text, 100).replace(/`/g, "'"))}\``;
}
function value(text) {
    return text.startsWith('(') ? cell(text) : `\`${cell(text.replace(/`/g, "'"))}\``;
}
function diagnosisForSummary(heading, said, diagnosis) {
    const out = [`### ${cell(heading)}`, '', `> ${cell(said)}`, ''];
    out.push('| What the registry compared | Value in this run | What to check |');
    out.push('| --- | --- | --- |');
    for (const row of diagnosis.rows) {
        const name = row.flagged ? `**✗ ${cell(row.compared)}**` : cell(row.compared);
        out.push(`| ${name} | ${value(row.value)} | ${cell(row.check)} |`);
    }
    out.push('');
    if (diagnosis.hiddenCauses.length > 0) {
        out.push('The registry said only `Failed to decode JWT`, which hides:', '');
        for (const cause of diagnosis.hiddenCauses) {
            out.push(`- ${cause.likely ? '**Likely.**' : 'Unlikely.'} ${cell(cause.text)}`);
        }
        out.push('');
    }
    for (const note of diagnosis.notes)
        out.push(cell(note), '');
    out.push(`_${AID}_`, '');
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/diagnose/explain-failure.ts







function explainFailure(core, failure, context) {
    if (failure.kind === 'no-id-token' && !failure.fromFork) {
        core.info(PERMISSIONS_SNIPPET);
        core.appendSummary('### auth-action: no OIDC ID token\n\n```yaml\npermissions:\n  contents: read\n  id-token: write\n```\n');
        return true;
    }
    const refused = failure.kind === 'http-status' &&
        failure.call === 'exchange' &&
        failure.unexpectedBody === undefined &&
        failure.status >= 400 &&
        failure.status < 500 &&
        failure.status !== 408 &&
        failure.status !== 429;
    if (!refused || context.lastJwt === undefined)
        return false;
    const claims = readClaims(context.lastJwt);
    if (claims === undefined)
        return false;
    const diagnosis = diagnoseRefusal(failure.details, claims, context);
    core.info(diagnosisForLog(diagnosis));
    const said = `HTTP ${failure.status}: ${redact_shown(failure.details.join(' '), MAX_SAID) || 'no explanation'}`;
    core.appendSummary(diagnosisForSummary(`auth-action: ${context.baseUrl} refused the token exchange`, said, diagnosis));
    return true;
}
function explainAndDescribe(core, error, context) {
    let explained = false;
    if (error instanceof failure_ActionFailure) {
        try {
            explained = explainFailure(core, error.failure, context);
        }
        catch {
            explained = false;
        }
    }
    return describeError(error, explained);
}

;// CONCATENATED MODULE: ./src/http/error-body.ts
const MAX_DETAILS = 10;
const MAX_DETAIL_CHARS = 1000;
function contentTypeOf(response) {
    const value = response.headers['content-type'] ?? '';
    return value.split(';')[0]?.trim() ?? '';
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function clean(text) {
    const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
    return flat.length > MAX_DETAIL_CHARS ? `${flat.slice(0, MAX_DETAIL_CHARS)}…` : flat;
}
function parseErrorBody(response) {
    const json = response.truncated ? undefined : parseJson(response.body);
    if (json === undefined) {
        const empty = response.body.trim() === '' && !response.truncated;
        return {
            details: [],
            unexpectedBody: empty
                ? undefined
                : {
                    contentType: contentTypeOf(response),
                    bytes: Buffer.byteLength(response.body),
                    truncated: response.truncated,
                },
        };
    }
    const details = [];
    const said = (text) => {
        const cleaned = clean(text);
        if (cleaned !== '')
            details.push(cleaned);
    };
    if (typeof json === 'object' && json !== null) {
        const { errors, message } = json;
        if (Array.isArray(errors)) {
            for (const entry of errors) {
                const detail = entry?.detail;
                if (typeof detail === 'string')
                    said(detail);
            }
        }
        if (typeof message === 'string')
            said(message);
    }
    return { details: details.slice(0, MAX_DETAILS), unexpectedBody: undefined };
}

;// CONCATENATED MODULE: ./src/http/outcome.ts



const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;
function noAnswer(call, target, error, time) {
    switch (error.kind) {
        case 'timeout':
            return retryable({ kind: 'timeout', call, target, ...time });
        case 'unsendable':
            return outcome_final({ kind: 'unsendable', call, target, problem: error.problem });
        case 'network':
            if (error.code === 'ENOTFOUND')
                return outcome_final({ kind: 'unknown-host', call, target });
            if (TLS_CODES.test(error.code))
                return outcome_final({ kind: 'tls', call, target, code: error.code });
            return retryable({ kind: 'network', call, target, code: error.code });
    }
}
function oversized(call, target, status, maxBytes = MAX_BODY_BYTES) {
    return outcome_final({
        kind: 'malformed-response',
        call,
        target,
        status,
        problem: `its body is larger than ${maxBytes / 1024} KiB, more than any answer to this call should be`,
    });
}
function unsuccessful(call, target, response, nowMs) {
    const { status } = response;
    if (status >= 300 && status < 400) {
        const location = response.headers.location;
        return outcome_final({ kind: 'redirect', call, target, status, location });
    }
    const failure = {
        kind: 'http-status',
        call,
        target,
        status,
        ...parseErrorBody(response),
    };
    if (status === 408 || status === 429 || status >= 500) {
        const header = response.headers['retry-after'];
        return { ...retryable(failure), retryAfterMs: parseRetryAfter(header, nowMs) };
    }
    return outcome_final(failure);
}
function retryable(failure) {
    return { done: false, failure, retryable: true };
}
function outcome_final(failure) {
    return { done: false, failure, retryable: false };
}

;// CONCATENATED MODULE: ./src/http/call.ts



function startPhase({ core, transport, clock }, timing) {
    return {
        core,
        transport,
        clock,
        policy: timing.policy,
        budgetMs: timing.budgetMs,
        deadline: clock.now() + timing.budgetMs,
    };
}
const CALL_NAMES = {
    'id-token': 'Requesting the GitHub OIDC ID token',
    exchange: 'The token exchange',
    revoke: 'The revocation',
    index: 'Reading the index',
};
async function callWithRetries(deps, call, target, prepare, accept, retryRefusal = () => false) {
    return withRetries({
        policy: deps.policy,
        clock: deps.clock,
        deadline: deps.deadline,
        outOfTime: (last) => ({ kind: 'out-of-time', call, target, budgetMs: deps.budgetMs, last }),
        onRetry: ({ failure, attempt, maxAttempts, delayMs }) => {
            deps.core.info(`${CALL_NAMES[call]} failed: ${retryReason(failure)} (attempt ${attempt} of ${maxAttempts}); ` +
                `next try in ${(delayMs / 1000).toFixed(1)} s.`);
        },
        attempt: async (timeoutMs) => {
            const request = await prepare();
            const sent = await deps.transport(request, timeoutMs);
            if (!sent.ok) {
                const time = { timeoutMs, limitMs: deps.policy.attemptTimeoutMs };
                return noAnswer(call, target, sent.error, time);
            }
            const { response } = sent;
            if (response.status < 200 || response.status >= 300) {
                const outcome = unsuccessful(call, target, response, deps.clock.now());
                if (outcome.done || outcome.retryable || !retryRefusal(outcome.failure))
                    return outcome;
                return retryable(outcome.failure);
            }
            if (response.truncated)
                return oversized(call, target, response.status, request.maxBodyBytes);
            return accept(response);
        },
    });
}

;// CONCATENATED MODULE: ./src/id-token/id-token-response.ts

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
function parseIdTokenResponse(response) {
    const json = parseJson(response.body);
    if (json === undefined)
        return { ok: false, problem: 'its body is not JSON' };
    const value = typeof json === 'object' && json !== null ? json.value : undefined;
    if (typeof value !== 'string' || value === '') {
        return { ok: false, problem: 'the JSON has no `value` string' };
    }
    if (!JWT_SHAPE.test(value)) {
        return { ok: false, problem: 'its `value` is not a JWT', candidate: value };
    }
    return { ok: true, jwt: value };
}

;// CONCATENATED MODULE: ./src/id-token/request-id-token.ts



function requestIdToken(deps, access, audience) {
    const url = new URL(access.requestUrl);
    url.searchParams.set('audience', audience);
    const target = url.origin;
    const accept = (response) => {
        const parsed = parseIdTokenResponse(response);
        if (parsed.ok) {
            deps.core.setSecret(parsed.jwt);
            return { done: true, value: parsed.jwt };
        }
        if (parsed.candidate !== undefined)
            deps.core.setSecret(parsed.candidate);
        return outcome_final({
            kind: 'malformed-response',
            call: 'id-token',
            target,
            status: response.status,
            problem: parsed.problem,
        });
    };
    return callWithRetries(deps, 'id-token', target, () => Promise.resolve({
        call: 'id-token',
        method: 'GET',
        url: url.href,
        headers: { Authorization: `Bearer ${access.requestToken}`, Accept: 'application/json' },
    }), accept);
}

;// CONCATENATED MODULE: ./src/exchange/token-response.ts

const MAX_TOKEN_LENGTH = 4096;
const TOKEN_CHARACTERS = /^[A-Za-z0-9._-]+$/;
function token_response_tokenProblem(token) {
    if (token === '')
        return 'its `token` is empty';
    if (token.length > MAX_TOKEN_LENGTH) {
        return `its \`token\` is longer than ${MAX_TOKEN_LENGTH} characters`;
    }
    if (/[\s\u0000-\u001f\u007f]/.test(token)) {
        return 'its `token` contains whitespace or control characters';
    }
    if (!TOKEN_CHARACTERS.test(token)) {
        return 'its `token` holds a character other than ASCII letters, digits, `-`, `_` and `.`, which no registry token is made of';
    }
    return undefined;
}
function parseTokenResponse(response) {
    const json = parseJson(response.body);
    if (json === undefined) {
        const type = contentTypeOf(response) || 'no content type';
        return { ok: false, problem: `its body is not JSON (${type})` };
    }
    const token = typeof json === 'object' && json !== null ? json.token : undefined;
    if (typeof token !== 'string') {
        return { ok: false, problem: 'the JSON has no `token` string' };
    }
    const problem = token_response_tokenProblem(token);
    if (problem === undefined)
        return { ok: true, token };
    return token === '' || token.length > MAX_TOKEN_LENGTH
        ? { ok: false, problem }
        : { ok: false, problem, candidate: token };
}

;// CONCATENATED MODULE: ./src/exchange/exchange-token.ts





function exchangeForToken(deps, baseUrl, freshJwt) {
    const url = tokensEndpoint(baseUrl);
    let replays = 0;
    const accept = (response) => {
        const parsed = parseTokenResponse(response);
        if (parsed.ok) {
            deps.core.setSecret(parsed.token);
            return { done: true, value: parsed.token };
        }
        if (parsed.candidate !== undefined)
            deps.core.setSecret(parsed.candidate);
        return outcome_final({
            kind: 'malformed-response',
            call: 'exchange',
            target: baseUrl,
            status: response.status,
            problem: parsed.problem,
        });
    };
    return callWithRetries(deps, 'exchange', baseUrl, async () => ({
        call: 'exchange',
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ jwt: await freshJwt() }),
    }), accept, (failure) => failure.kind === 'http-status' && isReplay(failure.details) && replays++ === 0);
}
const isReplay = (details) => readRefusal(details)?.kind === 'replayed';

;// CONCATENATED MODULE: ./src/exchange/mint-token.ts


async function mintToken(net, oidc, registry, trace) {
    const mintedAt = net.clock.now();
    const token = await exchangeForToken(net, registry.baseUrl, async () => {
        trace.lastJwt = await requestIdToken(net, oidc, registry.audience);
        return trace.lastJwt;
    });
    return { token, mintedAt };
}

;// CONCATENATED MODULE: ./src/http/policies.ts
const MIN_ATTEMPT_MS = 1_000;
const MIN_BUDGET_MS = 3_000;
const scaled = (timing, scale) => ({
    budgetMs: Math.max(timing.budgetMs * scale, MIN_BUDGET_MS),
    policy: {
        ...timing.policy,
        backoffCapsMs: timing.policy.backoffCapsMs.map((cap) => cap * scale),
        retryAfterCapMs: timing.policy.retryAfterCapMs * scale,
        attemptTimeoutMs: Math.max(timing.policy.attemptTimeoutMs * scale, MIN_ATTEMPT_MS),
        minAttemptMs: timing.policy.minAttemptMs * scale,
    },
});
function timeScaleNote(scale, asked) {
    if (scale === 1)
        return undefined;
    const clamped = asked === undefined ? '' : ` (${asked} asked; ${scale} is the least)`;
    return (`AUTH_ACTION_TIME_SCALE is set: auth-action multiplies its timeouts, waits and the token life it assumes by ${scale}${clamped}. ` +
        `It is a setting for auth-action’s own tests: remove it from the workflow. A try still gets at least ${MIN_ATTEMPT_MS / 1000} s, a step at least ${MIN_BUDGET_MS / 1000} s.`);
}
const mainTiming = (scale = 1) => scaled({
    budgetMs: 180_000,
    policy: {
        maxAttempts: 5,
        backoffCapsMs: [3_000, 90_000, 150_000],
        retryAfterCapMs: 60_000,
        attemptTimeoutMs: 30_000,
        minAttemptMs: 1_000,
        lastTryLate: true,
    },
}, scale);
const postTiming = (scale = 1) => scaled({
    budgetMs: 45_000,
    policy: {
        maxAttempts: 5,
        backoffCapsMs: [1_000, 2_000, 4_000, 8_000],
        retryAfterCapMs: 10_000,
        attemptTimeoutMs: 15_000,
        minAttemptMs: 1_000,
        lastTryLate: false,
    },
}, scale);
const preflightTiming = (scale = 1) => scaled({
    budgetMs: 20_000,
    policy: {
        maxAttempts: 3,
        backoffCapsMs: [1_000, 3_000],
        retryAfterCapMs: 5_000,
        attemptTimeoutMs: 8_000,
        minAttemptMs: 1_000,
        lastTryLate: false,
    },
}, scale);

;// CONCATENATED MODULE: ./src/id-token/oidc-access.ts

function oidcAccess(environment) {
    const { oidc } = environment;
    switch (oidc.kind) {
        case 'absent':
            throw new failure_ActionFailure({ kind: 'no-id-token', fromFork: environment.event.fromFork });
        case 'invalid':
            throw new failure_ActionFailure({
                kind: 'bad-environment',
                variable: oidc.variable,
                problem: oidc.problem,
            });
        case 'ready':
            return oidc.access;
    }
}

;// CONCATENATED MODULE: ./src/inputs/cargo-names.ts
const cargo_names_CRATE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const cargo_names_VERSION = /^[0-9A-Za-z.+-]{1,100}$/;
const REGISTRY_NAME = /^[A-Za-z0-9_-]{1,64}$/;
function cargo_names_isCrateAtVersion(entry) {
    const at = entry.indexOf('@');
    return at !== -1 && cargo_names_CRATE_NAME.test(entry.slice(0, at)) && cargo_names_VERSION.test(entry.slice(at + 1));
}

;// CONCATENATED MODULE: ./src/inputs/read-inputs.ts



const MAX_LENGTH = {
    url: MAX_URL_LENGTH,
    audience: 255,
    revoke: 100,
    'credential-provider': 100,
    'registry-name': 64,
    workspace: 4096,
};
function readInput(core, name) {
    const value = core.getInput(name);
    const max = MAX_LENGTH[name];
    if (value.length > max) {
        throw new failure_ActionFailure({
            kind: 'invalid-input',
            input: name,
            value,
            problem: `it may be at most ${max} characters.`,
            tooLong: true,
        });
    }
    return value;
}
function readInputs(core) {
    const baseUrl = parseRegistryUrl(readInput(core, 'url'));
    const audienceInput = readInput(core, 'audience');
    const audience = parseAudience(audienceInput, baseUrl);
    const revoke = parseBoolean('revoke', readInput(core, 'revoke'), true);
    const providerOn = parseBoolean('credential-provider', readInput(core, 'credential-provider'), false);
    const registryName = parseRegistryName(readInput(core, 'registry-name'));
    const workspace = parseWorkspace(readInput(core, 'workspace'));
    if (workspace !== '' && registryName === '' && baseUrl !== DEFAULT_REGISTRY_URL) {
        throw new failure_ActionFailure({
            kind: 'missing-input',
            input: 'registry-name',
            reason: `\`workspace\` is set and \`url\` (${baseUrl}) is not crates.io, so the check of the workspace needs cargo's ` +
                'name for that registry, to find its index and the crates whose `publish` names it: the NAME of `[registries.NAME]` in its configuration.',
        });
    }
    return {
        registry: { baseUrl, audience, audienceFromInput: audienceInput !== '' },
        revoke,
        provider: providerOn ? cargoRegistry(registryName, baseUrl) : undefined,
        registryName,
        workspace,
    };
}
function parseWorkspace(raw) {
    if (!/[\u0000-\u001f]/.test(raw))
        return raw;
    throw new failure_ActionFailure({
        kind: 'invalid-input',
        input: 'workspace',
        value: raw,
        problem: 'it holds a line break or another control character, which no directory name has.',
    });
}
function parseBoolean(input, raw, byDefault) {
    if (raw === '')
        return byDefault;
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new failure_ActionFailure({
        kind: 'invalid-input',
        input,
        value: raw,
        problem: 'it must be `true` or `false`.',
    });
}
function parseRegistryName(raw) {
    const problem = raw === '' ? undefined : read_inputs_registryNameProblem(raw);
    if (problem === undefined)
        return raw;
    throw new failure_ActionFailure({ kind: 'invalid-input', input: 'registry-name', value: raw, problem });
}
function read_inputs_registryNameProblem(name) {
    if (!REGISTRY_NAME.test(name)) {
        return 'it must be the registry’s name in cargo’s configuration (`[registries.NAME]`): letters, digits, `-` and `_`.';
    }
    if (name.toLowerCase().replace(/_/g, '-') === 'crates-io') {
        return '`crates-io` is crates.io, which needs no name: leave `registry-name` empty.';
    }
    return undefined;
}
function cargoRegistry(name, baseUrl) {
    if (name !== '')
        return { kind: 'named', name };
    if (baseUrl === DEFAULT_REGISTRY_URL)
        return { kind: 'crates-io' };
    throw new failure_ActionFailure({
        kind: 'missing-input',
        input: 'registry-name',
        reason: `\`credential-provider\` is on and \`url\` (${baseUrl}) is not crates.io, so the provider needs cargo's ` +
            'name for that registry: the NAME of `[registries.NAME]` in its configuration, as in `cargo publish --registry NAME`.',
    });
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __lazyBuiltin("node:fs");
;// CONCATENATED MODULE: ./src/provider/files.ts
const PROVIDER_DIR_PREFIX = 'auth-action-provider-';
const RECORD_FILE = 'tokens.jsonl';

;// CONCATENATED MODULE: ./src/runner/untrusted-file.ts

class untrusted_file_UntrustedFileError extends Error {
    code;
    problem;
    constructor(code, problem) {
        super(problem);
        this.code = code;
        this.problem = problem;
        this.name = 'UntrustedFileError';
    }
}
const flags = external_node_fs_namespaceObject.constants;
const NOFOLLOW = flags.O_NOFOLLOW ?? 0;
const NONBLOCK = flags.O_NONBLOCK ?? 0;
const notRegular = () => new untrusted_file_UntrustedFileError('ENOTREG', 'it is not a regular file');
const isLink = () => new untrusted_file_UntrustedFileError('ELOOP', 'it is a symbolic link');
function size(bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) === 0)
        return `${bytes / (1 << 20)} MiB`;
    if (bytes >= 1024 && bytes % 1024 === 0)
        return `${bytes / 1024} KiB`;
    return `${bytes} bytes`;
}
function withRegularFile(path, flags, use) {
    let before;
    try {
        before = (0,external_node_fs_namespaceObject.lstatSync)(path);
    }
    catch (error) {
        if (error.code !== 'ENOENT' || (flags & external_node_fs_namespaceObject.constants.O_CREAT) === 0) {
            throw error;
        }
    }
    if (before?.isSymbolicLink() === true)
        throw isLink();
    if (before !== undefined && !before.isFile())
        throw notRegular();
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(path, flags | NOFOLLOW | NONBLOCK, 0o600);
    }
    catch (error) {
        if (error.code === 'ELOOP')
            throw isLink();
        throw error;
    }
    try {
        const stats = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        const same = before === undefined || (stats.ino === before.ino && stats.dev === before.dev);
        if (!stats.isFile() || !same)
            throw notRegular();
        return use(fd, stats);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
function untrusted_file_readUntrustedFile(path, maxBytes) {
    return withRegularFile(path, constants.O_RDONLY, (fd, stats) => {
        const tooBig = () => new untrusted_file_UntrustedFileError('EFBIG', `it is larger than ${size(maxBytes)}`);
        if (stats.size > maxBytes)
            throw tooBig();
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        for (;;) {
            const read = readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
            if (length > maxBytes)
                throw tooBig();
        }
        return buffer.toString('utf8', 0, length);
    });
}
function appendUntrustedFile(path, text) {
    const flags = external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_APPEND | external_node_fs_namespaceObject.constants.O_CREAT;
    withRegularFile(path, flags, (fd) => {
        (0,external_node_fs_namespaceObject.writeSync)(fd, text);
    });
}

;// CONCATENATED MODULE: ./src/provider/provider-config.ts






const FORMAT = 1;
const MAX_CONFIG_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
function writeProviderConfig(path, config) {
    (0,external_node_fs_namespaceObject.writeFileSync)(path, `${JSON.stringify({ format: FORMAT, ...config })}\n`, {
        encoding: 'utf8',
        mode: 0o600,
        flag: 'wx',
    });
}
function invalid(path, problem) {
    return new ActionFailure({
        kind: 'invalid-state',
        name: 'credential provider configuration',
        where: 'RUNNER_TEMP',
        value: path,
        problem,
    });
}
function readProviderConfig(path) {
    let text;
    try {
        text = readUntrustedFile(path, MAX_CONFIG_BYTES);
    }
    catch (error) {
        if (error instanceof UntrustedFileError)
            throw invalid(path, `${error.problem}.`);
        const gone = error.code === 'ENOENT';
        throw invalid(path, gone
            ? 'it is gone. The post step removes the provider when the job ends, so cargo ran after it (or in another job): run cargo between the auth-action step and the end of the job.'
            : 'it cannot be read.');
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw invalid(path, 'it is not JSON.');
    }
    const config = (json ?? {});
    if (config.format !== FORMAT)
        throw invalid(path, 'it was written by another version of auth-action.');
    const { registry, cargo, recordPath } = config;
    const url = checkRegistryUrl(typeof registry?.baseUrl === 'string' ? registry.baseUrl : '');
    if (!url.ok)
        throw invalid(path, `its registry URL is invalid: ${url.problem}`);
    const audience = registry?.audience;
    if (typeof audience !== 'string' || audience === '' || /[\s\u0000-\u001f\u007f]/.test(audience)) {
        throw invalid(path, 'its audience is missing or has spaces.');
    }
    const named = cargo?.kind === 'named' && typeof cargo.name === 'string' && cargo.name !== '';
    if (cargo?.kind !== 'crates-io' && !named)
        throw invalid(path, 'it names no registry for cargo.');
    const nameProblem = cargo.kind === 'named' ? registryNameProblem(cargo.name) : undefined;
    if (nameProblem !== undefined)
        throw invalid(path, `its registry name is invalid: ${nameProblem}`);
    if (typeof recordPath !== 'string' || !isAbsolute(recordPath)) {
        throw invalid(path, 'it names no token record.');
    }
    return {
        registry: {
            baseUrl: url.baseUrl,
            audience,
            audienceFromInput: registry?.audienceFromInput === true,
        },
        cargo: cargo.kind === 'named' ? { kind: 'named', name: cargo.name } : { kind: 'crates-io' },
        recordPath,
        revoke: config.revoke !== false,
    };
}

;// CONCATENATED MODULE: ./src/provider/token-record.ts



const MAX_RECORD_BYTES = (/* unused pure expression or super */ null && (1 << 20));
function recordToken(path, minted, upload) {
    const line = {
        token: minted.token,
        mintedAt: minted.mintedAt,
        ...(upload && { crate: upload.crate, version: upload.version }),
    };
    appendUntrustedFile(path, `${JSON.stringify(line)}\n`);
}
function readRecord(path) {
    const tokens = [];
    let skipped = 0;
    for (const line of readUntrustedFile(path, MAX_RECORD_BYTES).split('\n')) {
        if (line.trim() === '')
            continue;
        const entry = parseEntry(line);
        if (entry === undefined)
            skipped++;
        else
            tokens.push(entry);
    }
    return { tokens, skipped };
}
function parseUpload(crate, version) {
    if (typeof crate !== 'string' || typeof version !== 'string')
        return undefined;
    return CRATE_NAME.test(crate) && VERSION.test(version) ? { crate, version } : undefined;
}
function parseEntry(line) {
    try {
        const json = JSON.parse(line);
        if (typeof json !== 'object' || json === null)
            return undefined;
        const { token, mintedAt, crate, version } = json;
        if (typeof token !== 'string' || tokenProblem(token) !== undefined)
            return undefined;
        if (typeof mintedAt !== 'number' || !Number.isFinite(mintedAt))
            return undefined;
        const upload = parseUpload(crate, version);
        return upload === undefined ? { token, mintedAt } : { token, mintedAt, upload };
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/provider/install-provider.ts







const CONFIG_FILE = 'config.json';
function cargoName(name) {
    return name.toUpperCase().replace(/-/g, '_');
}
function providerVariable(cargo) {
    return cargo.kind === 'crates-io'
        ? 'CARGO_REGISTRY_CREDENTIAL_PROVIDER'
        : `CARGO_REGISTRIES_${cargoName(cargo.name)}_CREDENTIAL_PROVIDER`;
}
const shQuote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;
const cmdQuote = (text) => `"${text.replace(/%/g, '%%')}"`;
function wrapperFile(program, configPath) {
    const header = "auth-action's cargo credential provider for this job, written by its main step.";
    if (program.platform === 'win32') {
        const command = [program.node, program.script, configPath].map(cmdQuote).join(' ');
        return {
            name: 'cargo-credential-auth-action.cmd',
            text: `@echo off\r\nrem ${header}\r\n${command} %*\r\n`,
        };
    }
    const command = [program.node, program.script, configPath].map(shQuote).join(' ');
    return {
        name: 'cargo-credential-auth-action',
        text: `#!/bin/sh\n# ${header}\nexec ${command} "$@"\n`,
    };
}
const refuse = (variable, problem, cargoPath = false) => {
    throw new failure_ActionFailure({ kind: 'bad-environment', variable, problem, cargoPath });
};
function providerHome(runnerTemp, program) {
    if (runnerTemp === undefined || runnerTemp === '')
        return refuse('RUNNER_TEMP', 'is not set');
    const paths = program.platform === 'win32' ? external_node_path_namespaceObject.win32 : external_node_path_namespaceObject.posix;
    if (!paths.isAbsolute(runnerTemp))
        return refuse('RUNNER_TEMP', 'is not an absolute path');
    if (/\s/.test(runnerTemp)) {
        return refuse('RUNNER_TEMP', `(\`${redact_shown(runnerTemp)}\`) contains a space, and cargo splits a credential provider's path at spaces`, true);
    }
    if (program.platform === 'win32') {
        const named = [
            ['RUNNER_TEMP', runnerTemp],
            ['node executable', program.node],
            ['action folder', program.script],
        ];
        for (const [what, path] of named) {
            if (/[^\x00-\x7f]/.test(path)) {
                refuse(what, `(\`${redact_shown(path)}\`) has a character that is not ASCII, which cmd.exe would misread in the provider's .cmd wrapper`, true);
            }
        }
    }
    return runnerTemp;
}
function makeProviderDir(runnerTemp, program) {
    const home = providerHome(runnerTemp, program);
    return onRunnerFile('RUNNER_TEMP', () => (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(home, PROVIDER_DIR_PREFIX)));
}
function installProvider(core, settings) {
    const { dir, program, registry, cargo, revoke, minted } = settings;
    const recordPath = (0,external_node_path_namespaceObject.join)(dir, RECORD_FILE);
    const configPath = (0,external_node_path_namespaceObject.join)(dir, CONFIG_FILE);
    const wrapper = wrapperFile(program, configPath);
    const wrapperPath = (0,external_node_path_namespaceObject.join)(dir, wrapper.name);
    onRunnerFile('RUNNER_TEMP', () => {
        recordToken(recordPath, minted);
        writeProviderConfig(configPath, { registry, cargo, recordPath, revoke });
        (0,external_node_fs_namespaceObject.writeFileSync)(wrapperPath, wrapper.text, { encoding: 'utf8', mode: 0o700, flag: 'wx' });
    });
    const variable = providerVariable(cargo);
    core.exportVariable(variable, wrapperPath);
    return variable;
}

;// CONCATENATED MODULE: ./src/state/state.ts



const TOKEN = 'token';
const REGISTRY_URL = 'registryUrl';
const REVOKE = 'revoke';
const PROVIDER_DIR = 'providerDir';
function saveHandover(core, handover) {
    if (handover.kind === 'none')
        return;
    core.saveState(REGISTRY_URL, handover.baseUrl);
    core.saveState(REVOKE, String(handover.kind === 'revoke'));
    if (handover.kind === 'revoke')
        core.saveState(TOKEN, handover.token);
    if (handover.providerDir !== undefined)
        core.saveState(PROVIDER_DIR, handover.providerDir);
}
function readHandover(core) {
    const baseUrl = core.getState(REGISTRY_URL);
    const token = core.getState(TOKEN);
    const dir = core.getState(PROVIDER_DIR);
    const providerDir = dir === '' ? {} : { providerDir: dir };
    if (baseUrl === '')
        return { kind: 'none' };
    if (core.getState(REVOKE) === 'false')
        return { kind: 'keep', baseUrl, ...providerDir };
    if (token === '')
        return { kind: 'none' };
    const checked = checkRegistryUrl(baseUrl);
    if (!checked.ok) {
        throw new ActionFailure({
            kind: 'invalid-state',
            name: 'registry URL',
            where: 'the step state',
            value: baseUrl,
            problem: checked.problem,
        });
    }
    return { kind: 'revoke', baseUrl: checked.baseUrl, token, ...providerDir };
}
const PREFLIGHT = 'preflight';
const MAX_PREFLIGHT_CRATES = 1000;
function savePreflight(core, preflight) {
    core.saveState(PREFLIGHT, JSON.stringify({
        index: preflight.index,
        unpublished: preflight.unpublished.slice(0, MAX_PREFLIGHT_CRATES),
    }));
}
function readPreflight(core) {
    const text = core.getState(PREFLIGHT);
    if (text === '' || text.length > 256 * 1024)
        return undefined;
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof json !== 'object' || json === null)
        return undefined;
    const { index, unpublished } = json;
    const url = typeof index === 'string' && /^https?:\/\/[^\s@?#]+\/$/.test(index) ? index : '';
    const crates = Array.isArray(unpublished)
        ? unpublished
            .filter((entry) => typeof entry === 'string' && isCrateAtVersion(entry))
            .slice(0, MAX_PREFLIGHT_CRATES)
        : [];
    return { index: url, unpublished: crates };
}

;// CONCATENATED MODULE: ./src/output/hand-out-token.ts


function handOutToken(core, inputs, minted, provider) {
    const { token } = minted;
    core.setSecret(token);
    const { baseUrl } = inputs.registry;
    const providerDir = provider === undefined ? {} : { providerDir: provider.dir };
    saveHandover(core, inputs.revoke
        ? { kind: 'revoke', baseUrl, token, ...providerDir }
        : { kind: 'keep', baseUrl, ...providerDir });
    const variable = provider &&
        installProvider(core, {
            ...provider,
            registry: inputs.registry,
            revoke: inputs.revoke,
            minted,
        });
    core.setOutput('token', token);
    return variable;
}

;// CONCATENATED MODULE: ./src/output/summary-line.ts

function successSummary(baseUrl, jwt, revoke, providerVariable) {
    const claims = jwt === undefined ? undefined : readClaims(jwt);
    const run = claims?.repository === undefined
        ? ''
        : ` for \`${claims.repository}\`${claims.workflowFile ? ` (workflow \`${claims.workflowFile}\`)` : ''}`;
    const fate = providerVariable === undefined
        ? revoke
            ? 'It is revoked when the job ends.'
            : 'It is not revoked (`revoke: false`) and expires 30 minutes after it was issued.'
        : `cargo's credential provider is set up for the rest of the job (\`${providerVariable}\`); ${revoke ? 'every token the job mints is revoked when it ends' : 'no token is revoked (`revoke: false`)'}.`;
    return `✅ **auth-action** got a publish token from ${baseUrl}${run}. ${fate}\n`;
}

;// CONCATENATED MODULE: ./src/redact/redacting-core.ts

function withRedaction(core, redactor = new Redactor()) {
    const forLog = (message) => redactor
        .apply(message)
        .split(/\r\n|\r|\n/)
        .map(noWorkflowCommand)
        .join('\n');
    return {
        ...core,
        setSecret: (secret) => {
            redactor.add(secret);
            core.setSecret(secret);
        },
        debug: (message) => {
            core.debug(forLog(message));
        },
        info: (message) => {
            core.info(forLog(message));
        },
        warning: (message) => {
            core.warning(forLog(message));
        },
        setFailed: (message) => {
            core.setFailed(forLog(message));
        },
        appendSummary: (markdown) => {
            core.appendSummary(redactor.apply(markdown));
        },
    };
}

;// CONCATENATED MODULE: ./src/run-main.ts













async function runMain(deps) {
    const { environment, transport, clock } = deps;
    const redactor = new Redactor();
    const core = withRedaction(deps.core, redactor);
    let inputs;
    const trace = {};
    try {
        inputs = readInputs(core);
        const { registry } = inputs;
        const warnings = [
            ...inputWarnings(inputs),
            triggerWarning(environment.event, registry.baseUrl),
        ];
        for (const warning of warnings)
            if (warning !== undefined)
                core.warning(warning);
        const oidc = oidcAccess(environment);
        redactor.add(oidc.requestToken);
        const note = timeScaleNote(environment.timeScale, environment.timeScaleAsked);
        if (note !== undefined)
            core.info(note);
        if (inputs.workspace !== '') {
            const { runPreflight } = await import("./run-preflight.js").then((part) => ((__WEBPACK_EXTERNAL_MODULE__run_preflight_js_b436fae2__ = part), __nccwpck_require__(785)));
            const found = await runPreflight({ core, environment, transport, clock }, inputs);
            savePreflight(core, {
                index: found.index ?? '',
                unpublished: found.unpublished.map((crate) => `${crate.name}@${crate.version}`),
            });
        }
        let provider;
        if (inputs.provider !== undefined) {
            const program = deps.providerProgram();
            const dir = makeProviderDir(environment.runnerTemp, program);
            provider = { cargo: inputs.provider, program, dir };
        }
        const net = startPhase({ core, transport, clock }, mainTiming(environment.timeScale));
        core.info(`Exchanging a GitHub OIDC ID token (audience \`${registry.audience}\`) at ${registry.baseUrl}.`);
        const minted = await mintToken(net, oidc, registry, trace);
        const variable = handOutToken(core, inputs, minted, provider);
        const fate = inputs.revoke ? 'revoked when the job ends' : 'left to expire (`revoke: false`)';
        core.info(variable === undefined
            ? `Got a publish token: it is in the \`token\` output and will be ${fate}.`
            : `Got a publish token: it is in the \`token\` output, and cargo's credential provider is set up for the rest of the job (${variable}): each upload gets a live token, every token is ${fate}.`);
        core.appendSummary(successSummary(registry.baseUrl, trace.lastJwt, inputs.revoke, variable));
    }
    catch (error) {
        core.setFailed(explainAndDescribe(core, error, {
            baseUrl: inputs?.registry.baseUrl ?? '',
            audienceFromInput: inputs?.registry.audienceFromInput ?? false,
            nowSeconds: Math.floor(clock.now() / 1000),
            lastJwt: trace.lastJwt,
        }));
    }
}

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __lazyBuiltin("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __coreCrypto;
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __lazyBuiltin("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __lazyBuiltin("path");
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const access = (...args) => external_fs_namespaceObject.promises.access(...args), appendFile = (...args) => external_fs_namespaceObject.promises.appendFile(...args), writeFile = (...args) => external_fs_namespaceObject.promises.writeFile(...args);
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = (/* unused pure expression or super */ null && (_summary));
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return file_command_issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    command_issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: ./src/runner/actions-core.ts



const actionsCore = {
    getInput: (name) => getInput(name),
    getState: (name) => getState(name),
    setSecret: (secret) => {
        core_setSecret(secret);
    },
    setOutput: (name, value) => {
        onRunnerFile('GITHUB_OUTPUT', () => {
            setOutput(name, value);
        });
    },
    saveState: (name, value) => {
        onRunnerFile('GITHUB_STATE', () => {
            saveState(name, value);
        });
    },
    exportVariable: (name, value) => {
        onRunnerFile('GITHUB_ENV', () => {
            exportVariable(name, value);
        });
    },
    debug: (message) => {
        core_debug(message);
    },
    info: (message) => {
        info(message);
    },
    warning: (message) => {
        warning(message);
    },
    setFailed: (message) => {
        setFailed(message);
    },
    appendSummary: (markdown) => {
        const file = process.env.GITHUB_STEP_SUMMARY;
        try {
            if (!file)
                throw new Error('GITHUB_STEP_SUMMARY is not set');
            (0,external_node_fs_namespaceObject.appendFileSync)(file, markdown, 'utf8');
        }
        catch {
            core_debug('No step summary file: summary skipped.');
        }
    },
};

;// CONCATENATED MODULE: ./src/runner/environment.ts



const REGISTRY_INDEX_VARIABLE = /^CARGO_REGISTRIES_(.+)_INDEX$/;
function readCargoEnvironment(env) {
    const registryIndexes = {};
    for (const [name, value] of Object.entries(env)) {
        const match = REGISTRY_INDEX_VARIABLE.exec(name);
        if (match?.[1] !== undefined && value !== undefined && value !== '') {
            registryIndexes[match[1]] = value;
        }
    }
    const user = env.HOME ?? env.USERPROFILE;
    const home = env.CARGO_HOME || (user ? (0,external_node_path_namespaceObject.join)(user, '.cargo') : undefined);
    return { home, registryIndexes };
}
function isForkPullRequest(eventPath) {
    if (eventPath === undefined || eventPath === '')
        return false;
    try {
        const event = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(eventPath, 'utf8'));
        return event.pull_request?.head?.repo?.fork === true;
    }
    catch {
        return false;
    }
}
const MAX_REQUEST_URL = 4096;
const MAX_REQUEST_TOKEN = 16384;
function requestUrlProblem(value) {
    if (value.length > MAX_REQUEST_URL)
        return `is longer than ${MAX_REQUEST_URL} characters`;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return 'is not a URL (it does not parse)';
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    if (!secure)
        return 'is not an https URL';
    if (url.port === '0')
        return 'has port 0, where nothing listens';
    return undefined;
}
function requestTokenProblem(value) {
    if (value.length > MAX_REQUEST_TOKEN)
        return `is longer than ${MAX_REQUEST_TOKEN} characters`;
    if (!/^[\x21-\x7e]+$/.test(value)) {
        return 'contains a space, a line break or another character that cannot go in an HTTP header';
    }
    return undefined;
}
function readOidc(env) {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
    if (requestUrl === '' || requestToken === '')
        return { kind: 'absent' };
    const urlProblem = requestUrlProblem(requestUrl);
    if (urlProblem !== undefined) {
        return { kind: 'invalid', variable: 'ACTIONS_ID_TOKEN_REQUEST_URL', problem: urlProblem };
    }
    const tokenProblem = requestTokenProblem(requestToken);
    if (tokenProblem !== undefined) {
        return { kind: 'invalid', variable: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', problem: tokenProblem };
    }
    return { kind: 'ready', access: { requestUrl, requestToken } };
}
const MIN_TIME_SCALE = 0.005;
function readEnvironment(env = process.env) {
    const oidc = readOidc(env);
    const scale = Number(env.AUTH_ACTION_TIME_SCALE ?? '1');
    const valid = Number.isFinite(scale) && scale > 0 && scale <= 1;
    return {
        oidc,
        event: {
            name: env.GITHUB_EVENT_NAME ?? '',
            fromFork: oidc.kind === 'absent' && isForkPullRequest(env.GITHUB_EVENT_PATH),
        },
        timeScale: valid ? Math.max(scale, MIN_TIME_SCALE) : 1,
        ...(valid && scale < MIN_TIME_SCALE ? { timeScaleAsked: scale } : {}),
        runnerTemp: env.RUNNER_TEMP,
        githubWorkspace: env.GITHUB_WORKSPACE,
        cargo: readCargoEnvironment(env),
    };
}

;// CONCATENATED MODULE: ./src/main.ts







function run() {
    return runMain({
        core: actionsCore,
        environment: readEnvironment(),
        transport: httpClientTransport,
        clock: systemClock,
        providerProgram: () => ({
            node: process.execPath,
            script: (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url)), '..', 'dist', 'provider.js'),
            platform: process.platform,
        }),
    });
}


/***/ }),

/***/ 785:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var y = (x) => (() => (x))
module.exports = x({ ["runPreflight"]: () => (__WEBPACK_EXTERNAL_MODULE__run_preflight_js_b436fae2__.runPreflight) });

/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __lazyBuiltin("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __lazyBuiltin("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __lazyBuiltin("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __lazyBuiltin("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __lazyBuiltin("net");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __lazyBuiltin("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __lazyBuiltin("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(166);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
