// A small HTTP(S) client on libcurl for the model hub: one request at a time, redirects never followed
// (the Hub's protocol reads them), headers parsed, bodies streamed to a callback, a stall timeout instead of
// a total one (a 3 GB file may take an hour), cancel honoured within a fraction of a second. libcurl reads
// https_proxy / no_proxy itself.
#pragma once
#include "util/CancelToken.h"
#include "util/Errors.h"

#include <functional>
#include <map>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace i2v::hub {

// A request that did not complete. `retryable()`: worth trying again (cut connection, stall, time-out,
// 5xx, 429); not so for a host that does not resolve or a bad TLS certificate.
class TransferError : public NetworkError {
public:
    TransferError(const std::string& message, bool retryable, double retryAfterSeconds = 0, bool noConnection = false)
        : NetworkError(message), retryable_(retryable), retryAfter_(retryAfterSeconds), noConnection_(noConnection) {}
    bool retryable() const { return retryable_; }
    double retryAfterSeconds() const { return retryAfter_; }
    // The host did not resolve or refused the connection: no server was reached at all.
    bool noConnection() const { return noConnection_; }

private:
    bool retryable_;
    double retryAfter_;
    bool noConnection_;
};

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers;   // names in lowercase
    std::string body;                              // when the request had no onBody sink

    std::string header(const std::string& lowercaseName) const;
};

struct HttpRequest {
    std::string method = "GET";                    // GET, HEAD or POST
    std::string url;
    std::string postBody;                          // POST only
    std::vector<std::string> headers;              // "Name: value"
    // Streaming: called once with the status and headers before the first body byte (and for an empty body),
    // then with each chunk. Either may throw; the transfer stops and the exception reaches the caller.
    std::function<void(const HttpResponse&)> onHeaders;
    std::function<void(const char*, size_t)> onBody;
    // Called about once a second while the transfer waits (and as bytes arrive), so a stalled download can
    // still report where it stands. May throw, like the sinks.
    std::function<void()> onTick;
    long connectTimeoutSeconds = 30;
    long stallSeconds = 30;                        // abort when less than 1 byte/s arrives for this long
    size_t maxBufferedBody = 16u << 20;            // an unstreamed body larger than this is an error
};

class HttpClient {
public:
    explicit HttpClient(std::string userAgent);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Throws TransferError for transport failures (naming the host, and the proxy variables where they may be
    // the cause), Cancelled when `cancel` fires. An HTTP error status is a response, not an exception.
    HttpResponse perform(const HttpRequest& request, const CancelToken* cancel = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A Content-Range "bytes FIRST-LAST/TOTAL" as (FIRST, TOTAL); nullopt when malformed or inconsistent.
std::optional<std::pair<uint64_t, uint64_t>> parseContentRange(const std::string& value);

// "https://host:port" of a URL (scheme, host and port, lowercase), to decide where credentials may go.
std::string urlOrigin(const std::string& url);
// Percent-encoding as Python's urllib.parse.quote: unreserved characters and those in `safe` stay.
std::string urlQuote(const std::string& s, const std::string& safe = "/");

} // namespace i2v::hub
