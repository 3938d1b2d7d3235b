// One file of a Hub repository into its cache blob: HEAD for a fresh (signed) link, GET with Range from what
// an earlier attempt kept in blobs/<etag>.incomplete, hashing as bytes arrive (the kept prefix re-hashed
// first), a 200 answer to a Range request or a wrong Content-Range starting the file over, a hash mismatch
// deleting the partial and trying once more, transient failures retried with backoff. The caller holds the
// blob's lock.
#pragma once
#include "hub/ContentHash.h"
#include "hub/ModelDownloader.h"

#include <chrono>
#include <deque>
#include <thread>

namespace i2v::hub {

class BlobFetcher {
public:
    BlobFetcher(HubApi& api, HttpClient& http, const HubCacheLayout& cache, const RepoId& repo,
                const DownloadOptions& options, DownloadObserver& observer, const CancelToken* cancel)
        : api_(api), http_(http), cache_(cache), repo_(repo), options_(options), observer_(observer), cancel_(cancel) {}

    // Downloads `file` of `commit`; progress is reported as file `index` of `count`, with `doneBefore` bytes of
    // `total` already complete.
    void fetch(const std::string& commit, const RepoFile& file, int index, int count, uint64_t doneBefore,
               uint64_t total);

    // Runs the first request of a download again after transient failures, with backoff. A host that cannot be
    // reached at all is reported at once: offline or a wrong HF_ENDPOINT, which waiting does not fix.
    template <class F>
    auto withRetries(const std::string& what, F request) -> decltype(request()) {
        for (int attempt = 1;; ++attempt) {
            try {
                return request();
            } catch (const TransferError& e) {
                if (!e.retryable() || e.noConnection() || attempt >= options_.maxAttempts)
                    throw;
                waitBeforeRetry(what, e, attempt);
            }
        }
    }

private:
    struct Transfer;
    std::string transferOnce(const std::string& url, const RepoFile& file, HashKind kind,
                             const std::filesystem::path& partial, Transfer& t);
    void waitBeforeRetry(const std::string& what, const TransferError& e, int attempt);
    void report(Transfer& t, bool force);

    HubApi& api_;
    HttpClient& http_;
    const HubCacheLayout& cache_;
    const RepoId& repo_;
    const DownloadOptions& options_;
    DownloadObserver& observer_;
    const CancelToken* cancel_;
    std::deque<std::pair<std::chrono::steady_clock::time_point, uint64_t>> rateSamples_;  // (time, bytes done)
};

} // namespace i2v::hub
