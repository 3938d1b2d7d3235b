#include "hub/BlobFetcher.h"

#include "hub/CacheFiles.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace i2v::hub {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// The bytes of a file arrived other than the Hub said (hash or length): delete and fetch once more.
class CorruptTransfer : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct FdGuard {
    int fd = -1;
    ~FdGuard() {
        if (fd >= 0)
            ::close(fd);
    }
};

std::string hashName(HashKind k) { return k == HashKind::Sha256 ? "SHA-256" : "git SHA-1"; }

} // namespace

struct BlobFetcher::Transfer {
    DownloadProgress progress;
    uint64_t doneBefore = 0;
    Clock::time_point lastReport{};
    bool madeProgress = false;
};

void BlobFetcher::report(Transfer& t, bool force) {
    const auto now = Clock::now();
    if (!force && now - t.lastReport < std::chrono::milliseconds(100))
        return;
    t.lastReport = now;
    DownloadProgress& p = t.progress;
    p.done = t.doneBefore + p.fileDone;
    // Rate over the last 5 s of samples; re-hashing a kept prefix is not network speed.
    if (!p.verifying) {
        rateSamples_.emplace_back(now, p.done);
        while (rateSamples_.size() > 2 && now - rateSamples_.front().first > std::chrono::seconds(5))
            rateSamples_.pop_front();
        const double dt = std::chrono::duration<double>(now - rateSamples_.front().first).count();
        if (dt > 0.5 && p.done >= rateSamples_.front().second)
            p.bytesPerSecond = double(p.done - rateSamples_.front().second) / dt;
        p.etaSeconds = p.bytesPerSecond > 0 ? double(p.total - std::min(p.total, p.done)) / p.bytesPerSecond : -1;
    }
    observer_.onProgress(p);
}

void BlobFetcher::waitBeforeRetry(const std::string& what, const TransferError& e, int attempt) {
    const double delay = e.retryAfterSeconds() > 0
                             ? e.retryAfterSeconds()
                             : std::min(options_.retryMaxSeconds, options_.retryBaseSeconds * std::pow(2.0, attempt - 1));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", delay);
    std::string why = e.what();
    while (!why.empty() && why.back() == '.')
        why.pop_back();
    observer_.onNotice(what + ": " + why + "; trying again in " + buf + " s (attempt " +
                       std::to_string(attempt + 1) + " of " + std::to_string(options_.maxAttempts) + ")");
    const auto until = Clock::now() + std::chrono::duration<double>(delay);
    while (Clock::now() < until) {
        if (cancel_)
            cancel_->throwIfCancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    rateSamples_.clear();
}

std::string BlobFetcher::transferOnce(const std::string& url, const RepoFile& file, HashKind kind,
                                      const fs::path& partial, Transfer& t) {
    const uint64_t size = file.size;
    uint64_t offset = fileSizeOr0(partial);
    FdGuard out;
    out.fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (out.fd < 0)
        throw IoError("cannot write " + partial.string() + ": " + std::strerror(errno) +
                      " (check the permissions of the model cache, or choose another with --cache-dir / HF_HUB_CACHE)");
    if (offset > size) {   // not ours to trust: start over
        if (::ftruncate(out.fd, 0) != 0)
            throw IoError("cannot truncate " + partial.string() + ": " + std::strerror(errno));
        offset = 0;
    }
    auto hasher = std::make_unique<ContentHasher>(kind, size);
    t.progress.fileDone = 0;
    if (offset > 0) {
        // Re-hash what an earlier attempt kept: the digest must cover every byte of the blob.
        t.progress.verifying = true;
        hashFilePrefix(partial, offset, *hasher, [&](uint64_t done) {
            if (cancel_)
                cancel_->throwIfCancelled();
            t.progress.fileDone = done;
            report(t, false);
        });
        t.progress.verifying = false;
    }
    if (::lseek(out.fd, static_cast<off_t>(offset), SEEK_SET) < 0)
        throw IoError("cannot seek in " + partial.string() + ": " + std::strerror(errno));
    uint64_t written = offset;
    t.progress.fileDone = written;
    report(t, true);

    if (written < size) {
        HttpRequest req;
        req.url = url;
        req.headers = api_.headersFor(url);
        req.headers.push_back("Accept-Encoding: identity");   // the bytes as stored: hashes and offsets are of those
        if (offset > 0)
            req.headers.push_back("Range: bytes=" + std::to_string(offset) + "-");
        req.stallSeconds = options_.stallSeconds;
        bool accepting = false;
        const bool sameOriginAsHub = urlOrigin(url) == urlOrigin(api_.settings().endpoint);
        req.onHeaders = [&](const HttpResponse& r) {
            if (r.status == 206) {
                const auto range = parseContentRange(r.header("content-range"));
                if (!range || range->first != offset || range->second != size) {
                    // Not the part asked for: the kept bytes cannot be trusted to line up with it. A failed
                    // truncate is caught by the next attempt, which re-hashes whatever is kept.
                    (void)!::ftruncate(out.fd, 0);
                    throw TransferError("the server sent another part of " + file.path + " than asked for (" +
                                            (r.header("content-range").empty() ? std::string("no Content-Range")
                                                                               : "Content-Range " + r.header("content-range")) +
                                            "); starting the file over",
                                        true);
                }
                accepting = true;
            } else if (r.status == 200) {
                if (offset > 0) {
                    // The server ignored the Range: its answer is the whole file, so start from byte 0.
                    if (::ftruncate(out.fd, 0) != 0 || ::lseek(out.fd, 0, SEEK_SET) < 0)
                        throw IoError("cannot truncate " + partial.string() + ": " + std::strerror(errno));
                    written = 0;
                    hasher = std::make_unique<ContentHasher>(kind, size);
                    observer_.onNotice(file.path + ": the server does not resume downloads; starting the file over");
                }
                accepting = true;
            } else if (r.status == 403 && !sameOriginAsHub) {
                throw TransferError("the download link of " + file.path + " expired or was refused (403)", true);
            } else {
                api_.throwForStatus(r, repo_, file.path);
                throw TransferError("unexpected answer " + std::to_string(r.status) + " for " + file.path, true);
            }
        };
        req.onBody = [&](const char* data, size_t n) {
            if (!accepting)
                return;
            if (written + n > size)
                throw CorruptTransfer(file.path + " is longer than the Hub said (" + std::to_string(size) + " bytes)");
            for (size_t off = 0; off < n;) {
                const ssize_t w = ::write(out.fd, data + off, n - off);
                if (w < 0 && errno == EINTR)
                    continue;
                if (w < 0) {
                    const int err = errno;
                    throw IoError((err == ENOSPC || err == EDQUOT ? "the disk is full: " : "cannot write ") +
                                  partial.string() + " (" + std::strerror(err) + "; " + formatBytes(written) + " of " +
                                  formatBytes(size) + " are kept: free some space and run the download again to resume)");
                }
                off += static_cast<size_t>(w);
            }
            hasher->update(data, n);
            written += n;
            t.madeProgress = true;
            t.progress.fileDone = written;
            report(t, false);
        };
        // While a connection stalls no bytes arrive to report: say where the file stands (and let the rate fall)
        // at least once a second.
        auto lastTick = Clock::now();
        req.onTick = [&] {
            if (Clock::now() - lastTick < std::chrono::seconds(1))
                return;
            lastTick = Clock::now();
            t.progress.fileDone = written;
            report(t, true);
        };
        http_.perform(req, cancel_);
        if (written < size)
            throw TransferError("the connection closed after " + formatBytes(written) + " of " + formatBytes(size) +
                                    " of " + file.path,
                                true);
    }
    if (::fsync(out.fd) != 0)
        throw IoError("cannot write " + partial.string() + ": " + std::strerror(errno));
    t.progress.fileDone = written;
    report(t, true);
    return hasher->hexDigest();
}

void BlobFetcher::fetch(const std::string& commit, const RepoFile& file, int index, int count, uint64_t doneBefore,
                        uint64_t total) {
    const std::string etag = file.etag();
    const auto kind = hashKindOfEtag(etag);
    if (!kind)
        throw HubError("the Hub lists " + file.path + " without a SHA-256 or git hash, so it cannot be verified; "
                       "if HF_ENDPOINT names a mirror, check that it passes the Hub's file list on");
    const fs::path blob = cache_.blobPath(repo_, etag);
    const fs::path partial = cache_.incompletePath(repo_, etag);
    std::error_code ec;
    fs::create_directories(blob.parent_path(), ec);
    if (ec)
        throw IoError("cannot create " + blob.parent_path().string() + ": " + ec.message() +
                      " (choose a model cache you may write to: --cache-dir or HF_HUB_CACHE)");

    Transfer t;
    t.doneBefore = doneBefore;
    t.progress.file = file.path;
    t.progress.fileIndex = index;
    t.progress.fileCount = count;
    t.progress.fileSize = file.size;
    t.progress.total = total;
    bool retriedCorrupt = false;
    for (int attempt = 1;;) {
        try {
            const FileMetadata meta = api_.fileMetadata(repo_, commit, file.path, cancel_);
            if (hashKindOfEtag(meta.etag) && meta.etag != etag)
                throw HubError("the Hub's answers about " + file.path + " disagree (file list: " + etag +
                               ", the file: " + meta.etag + "); try again in a while");
            if (meta.size != 0 && meta.size != file.size)
                throw HubError("the Hub's answers about the size of " + file.path + " disagree (" +
                               std::to_string(file.size) + " and " + std::to_string(meta.size) + " bytes)");
            t.madeProgress = false;
            const std::string digest = transferOnce(meta.location, file, *kind, partial, t);
            if (digest != etag)
                throw CorruptTransfer(file.path + " arrived corrupt: its " + hashName(*kind) + " is " + digest +
                                      ", the Hub says " + etag);
            fs::rename(partial, blob, ec);
            if (ec)
                throw IoError("cannot move the finished " + file.path + " into " + blob.string() + ": " + ec.message());
            return;
        } catch (const CorruptTransfer& e) {
            fs::remove(partial, ec);
            if (retriedCorrupt)
                throw HubError(std::string(e.what()) + ". It was downloaded twice with a wrong result, so the download "
                               "stopped; try again later (a proxy or mirror may be altering files)");
            retriedCorrupt = true;
            observer_.onNotice(std::string(e.what()) + "; downloading it again");
        } catch (const TransferError& e) {
            // Attempts that moved bytes do not count: a connection cut every few minutes still finishes.
            if (t.madeProgress)
                attempt = 1;
            if (!e.retryable() || attempt >= options_.maxAttempts) {
                const uint64_t kept = fileSizeOr0(partial);
                throw NetworkError(std::string(e.what()) + ". Stopped after " + std::to_string(attempt) +
                                   (attempt == 1 ? " attempt" : " attempts") +
                                   (kept ? "; " + formatBytes(kept) + " of " + file.path +
                                               " are kept, run the download again to resume"
                                         : std::string()));
            }
            waitBeforeRetry(file.path, e, attempt);
            ++attempt;
        }
    }
}

} // namespace i2v::hub
