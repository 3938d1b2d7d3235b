#include "hub/HttpClient.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>

namespace i2v::hub {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string hostOf(const std::string& url) {
    const std::string origin = urlOrigin(url);
    const auto p = origin.find("://");
    return p == std::string::npos ? origin : origin.substr(p + 3);
}

bool proxyConfigured() {
    for (const char* v : {"https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"})
        if (const char* s = std::getenv(v); s && *s)
            return true;
    return false;
}

// State of one transfer shared with libcurl's C callbacks. Exceptions never cross libcurl: a callback stores
// it and tells libcurl to stop; perform() rethrows.
struct Transfer {
    const HttpRequest* request = nullptr;
    const CancelToken* cancel = nullptr;
    HttpResponse response;
    bool headersDelivered = false;
    std::exception_ptr error;
    size_t buffered = 0;

    void deliverHeaders() {
        if (headersDelivered)
            return;
        headersDelivered = true;
        if (request->onHeaders)
            request->onHeaders(response);
    }
};

size_t onHeaderLine(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::string line(data, size * count);
    if (line.rfind("HTTP/", 0) == 0) {
        // A new status line (after a 100 Continue, or a proxy's CONNECT answer): start over.
        t->response.headers.clear();
        const auto sp = line.find(' ');
        t->response.status = sp == std::string::npos ? 0 : std::strtol(line.c_str() + sp + 1, nullptr, 10);
        return size * count;
    }
    const auto colon = line.find(':');
    if (colon != std::string::npos)
        t->response.headers[lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
    return size * count;
}

size_t onBodyBytes(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    try {
        t->deliverHeaders();
        if (t->request->onBody) {
            t->request->onBody(data, n);
        } else {
            t->buffered += n;
            if (t->buffered > t->request->maxBufferedBody)
                throw TransferError("the answer of " + hostOf(t->request->url) + " is larger than expected", false);
            t->response.body.append(data, n);
        }
    } catch (...) {
        t->error = std::current_exception();
        return 0;   // libcurl stops with CURLE_WRITE_ERROR
    }
    return n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    if (t->cancel && t->cancel->isCancelled())
        return 1;
    if (t->request->onTick) {
        try {
            t->request->onTick();
        } catch (...) {
            t->error = std::current_exception();
            return 1;
        }
    }
    return 0;
}

// The message and retry policy for a libcurl failure.
TransferError transportError(CURLcode code, const char* detail, const std::string& url) {
    const std::string host = hostOf(url);
    std::string why = detail && *detail ? detail : curl_easy_strerror(code);
    const std::string proxyHint = proxyConfigured()
                                      ? " Check the proxy settings (https_proxy, no_proxy)."
                                      : " Check the network connection; behind a proxy set https_proxy (and no_proxy).";
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return TransferError("cannot resolve " + host + " (" + why + ")." + proxyHint +
                                 " A mirror can be set with HF_ENDPOINT.",
                             true, 0, true);
    case CURLE_COULDNT_CONNECT:
        return TransferError("cannot connect to " + host + " (" + why + ")." + proxyHint, true, 0, true);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
        return TransferError("a secure (TLS) connection to " + host + " failed (" + why +
                                 "). A proxy that intercepts HTTPS needs its certificate installed "
                                 "(CURL_CA_BUNDLE or the system's certificate store).",
                             false);
    case CURLE_OPERATION_TIMEDOUT:
        return TransferError("the connection to " + host + " stalled (" + why + ")", true);
    default:
        return TransferError("the transfer from " + host + " failed (" + why + ")", true);
    }
}

} // namespace

std::optional<std::pair<uint64_t, uint64_t>> parseContentRange(const std::string& v) {
    unsigned long long first = 0, last = 0, total = 0;
    int consumed = 0;
    if (std::sscanf(v.c_str(), "bytes %llu-%llu/%llu%n", &first, &last, &total, &consumed) != 3 ||
        consumed != static_cast<int>(v.size()) || last < first || last >= total)
        return std::nullopt;
    return std::make_pair(uint64_t(first), uint64_t(total));
}

std::string HttpResponse::header(const std::string& lowercaseName) const {
    const auto it = headers.find(lowercaseName);
    return it == headers.end() ? std::string() : it->second;
}

std::string urlOrigin(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos)
        return lower(url);
    const auto end = url.find_first_of("/?#", scheme + 3);
    std::string origin = lower(url.substr(0, end));
    // Explicit default ports name the same origin.
    for (const char* suffix : {":443", ":80"}) {
        const std::string s(suffix);
        if ((s == ":443" && origin.rfind("https://", 0) == 0) || (s == ":80" && origin.rfind("http://", 0) == 0))
            if (origin.size() > s.size() && origin.compare(origin.size() - s.size(), s.size(), s) == 0)
                origin.erase(origin.size() - s.size());
    }
    return origin;
}

std::string urlQuote(const std::string& s, const std::string& safe) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '_' || c == '.' || c == '~' || safe.find(char(c)) != std::string::npos;
        if (unreserved) {
            out += char(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

struct HttpClient::Impl {
    std::string userAgent;
    CURL* curl = nullptr;
};

HttpClient::HttpClient(std::string userAgent) : impl_(std::make_unique<Impl>()) {
    // curl_global_init is not thread-safe before libcurl 7.84 (Debian 12 has 7.88); once per process anyway.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    impl_->userAgent = std::move(userAgent);
    impl_->curl = curl_easy_init();
    if (!impl_->curl)
        throw NetworkError("libcurl could not be initialised");
}

HttpClient::~HttpClient() { curl_easy_cleanup(impl_->curl); }

HttpResponse HttpClient::perform(const HttpRequest& request, const CancelToken* cancel) {
    CURL* c = impl_->curl;
    curl_easy_reset(c);   // keeps the connection cache: the next request to the host reuses the connection
    Transfer t;
    t.request = &request;
    t.cancel = cancel;
    char errorBuffer[CURL_ERROR_SIZE] = {0};

    curl_slist* headers = nullptr;
    for (const std::string& h : request.headers)
        headers = curl_slist_append(headers, h.c_str());
    const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerList(headers, curl_slist_free_all);

    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(c, CURLOPT_USERAGENT, impl_->userAgent.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, request.connectTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, request.stallSeconds);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeaderLine);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBodyBytes);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    if (request.method == "HEAD") {
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    } else if (request.method == "POST") {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.postBody.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.postBody.size()));
    } else
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);

    const CURLcode code = curl_easy_perform(c);
    if (t.error)
        std::rethrow_exception(t.error);
    if (code == CURLE_ABORTED_BY_CALLBACK && cancel && cancel->isCancelled())
        throw Cancelled();
    if (code != CURLE_OK)
        throw transportError(code, errorBuffer, request.url);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    t.response.status = status;
    t.deliverHeaders();   // an empty body still reports its headers
    return std::move(t.response);
}

} // namespace i2v::hub
