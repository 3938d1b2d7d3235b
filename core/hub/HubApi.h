// The three Hub requests a download needs, as huggingface_hub 0.21 makes them (docs: shared hub-protocol.md):
// repo info at a revision (commit + file list with sizes and LFS hashes), the HEAD of one file (ETag, size,
// CDN location), and the headers a GET needs (the token only for the Hub's own origin, never for a CDN).
// Error answers become HubError / TransferError with a message a user can act on.
#pragma once
#include "hub/HttpClient.h"
#include "hub/HubSettings.h"
#include "hub/RepoId.h"

#include <cstdint>
#include <string>
#include <vector>

namespace i2v::hub {

struct RepoFile {
    std::string path;          // "unet/diffusion_pytorch_model.fp16.safetensors"
    uint64_t size = 0;
    std::string blobId;        // git SHA-1 of the file (small files) or of its LFS pointer
    std::string lfsSha256;     // SHA-256 of an LFS file's content (may be missing from a mirror's list)
    bool lfs = false;
    bool sizeKnown = true;     // a listing without sizes (no ?blobs=true support) leaves them to HEAD
    bool isLfs() const { return lfs || !lfsSha256.empty(); }
    // The name of its blob in the cache = the ETag the Hub gives it; empty while unknown.
    std::string etag() const { return isLfs() ? lfsSha256 : blobId; }
};

struct RepoInfo {
    std::string commit;        // the revision resolved to a 40-hex commit
    std::string gated;         // "", "auto" or "manual"
    std::vector<RepoFile> files;
    const RepoFile* find(const std::string& path) const {
        for (const RepoFile& f : files)
            if (f.path == path)
                return &f;
        return nullptr;
    }
};

struct FileMetadata {
    std::string commit;        // X-Repo-Commit
    std::string etag;          // X-Linked-Etag, else ETag; W/ and quotes stripped
    uint64_t size = 0;         // X-Linked-Size, else Content-Length; 0 when unknown
    std::string location;      // where to GET the bytes: the CDN link, or the resolve URL itself
};

class HubApi {
public:
    HubApi(HubSettings settings, HttpClient& http) : settings_(std::move(settings)), http_(http) {}

    const HubSettings& settings() const { return settings_; }
    RepoInfo repoInfo(const RepoId& repo, const CancelToken* cancel = nullptr);
    FileMetadata fileMetadata(const RepoId& repo, const std::string& commit, const std::string& path,
                              const CancelToken* cancel = nullptr);
    std::string resolveUrl(const RepoId& repo, const std::string& revision, const std::string& path) const;
    // Authorization for the Hub's own origin only: a CDN on another host never sees the token.
    std::vector<std::string> headersFor(const std::string& url) const;

    // Throws the error an HTTP answer means (nothing for 2xx/3xx). `what` names the request ("the file list",
    // "unet/config.json"). Public for tests.
    void throwForStatus(const HttpResponse& r, const RepoId& repo, const std::string& what) const;

private:
    HubSettings settings_;
    HttpClient& http_;
};

// Reads huggingface_hub's ETag: strips W/ and the quotes.
std::string normalizeEtag(const std::string& etag);

} // namespace i2v::hub
