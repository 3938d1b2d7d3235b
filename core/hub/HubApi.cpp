#include "hub/HubApi.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace i2v::hub {
namespace {

double retryAfterSeconds(const HttpResponse& r) {
    const std::string v = r.header("retry-after");
    if (v.empty())
        return 0;
    char* end = nullptr;
    const double s = std::strtod(v.c_str(), &end);
    return end != v.c_str() && s > 0 ? std::min(s, 300.0) : 0;   // an HTTP date is not worth parsing here
}

std::string requestIdNote(const HttpResponse& r) {
    const std::string id = r.header("x-request-id");
    return id.empty() ? std::string() : " (request id " + id + ")";
}

uint64_t toSize(const std::string& s) {
    if (s.empty())
        return 0;
    return std::strtoull(s.c_str(), nullptr, 10);
}

} // namespace

std::string normalizeEtag(const std::string& etag) {
    std::string e = etag;
    if (e.rfind("W/", 0) == 0)
        e = e.substr(2);
    if (e.size() >= 2 && e.front() == '"' && e.back() == '"')
        e = e.substr(1, e.size() - 2);
    return e;
}

std::string HubApi::resolveUrl(const RepoId& repo, const std::string& revision, const std::string& path) const {
    return settings_.endpoint + "/" + repo.id() + "/resolve/" + urlQuote(revision, "") + "/" + urlQuote(path, "/");
}

std::vector<std::string> HubApi::headersFor(const std::string& url) const {
    std::vector<std::string> h;
    if (!settings_.token.empty() && urlOrigin(url) == urlOrigin(settings_.endpoint))
        h.push_back("Authorization: Bearer " + settings_.token);
    return h;
}

void HubApi::throwForStatus(const HttpResponse& r, const RepoId& repo, const std::string& what) const {
    if (r.status >= 200 && r.status < 400)
        return;
    const std::string code = r.header("x-error-code");
    const std::string message = r.header("x-error-message");
    const std::string id = repo.id();
    const std::string ref = requestIdNote(r);
    if (code == "GatedRepo") {
        if (settings_.token.empty())
            throw HubError(id + " is a gated model: request access on " + settings_.repoPageUrl(id) +
                           ", then give the app an access token (HF_TOKEN, or Settings > Model hub > Access token)" + ref);
        throw HubError(id + " is a gated model and your access token has not been granted access (yet): request "
                       "access on " + settings_.repoPageUrl(id) + " with the account the token belongs to" + ref);
    }
    if (code == "RepoNotFound" || (r.status == 401 && code.empty()))
        throw HubError("the model repository " + id + " was not found on " + settings_.endpoint +
                       " (check the spelling; a private repository also needs an access token that may read it)" +
                       ref);
    if (code == "RevisionNotFound")
        throw HubError("the revision '" + repo.revision + "' of " + id + " was not found (use a branch, tag or commit "
                       "that exists; the default is main)" + ref);
    if (code == "EntryNotFound" || r.status == 404)
        throw HubError(what + " was not found in " + id + " at revision " + repo.revision + ref);
    if (r.status == 403 && message.find("disabled") != std::string::npos)
        throw HubError(id + " has been disabled on the Hub: " + message + ref);
    if (r.status == 403)
        throw HubError("the Hub refused access to " + what + " of " + id + (message.empty() ? "" : ": " + message) + ref);
    if (r.status == 429)
        throw TransferError(settings_.endpoint + " asks to slow down (429 Too Many Requests) for " + what + ref, true,
                            retryAfterSeconds(r));
    if (r.status >= 500)
        throw TransferError(settings_.endpoint + " answered " + std::to_string(r.status) + " for " + what + ref, true,
                            retryAfterSeconds(r));
    throw HubError(settings_.endpoint + " answered " + std::to_string(r.status) + " for " + what +
                   (message.empty() ? "" : ": " + message) + ref);
}

RepoInfo HubApi::repoInfo(const RepoId& repo, const CancelToken* cancel) {
    HttpRequest req;
    req.url = settings_.endpoint + "/api/models/" + repo.id() + "/revision/" + urlQuote(repo.revision, "") +
              "?blobs=true";
    req.headers = headersFor(req.url);
    const HttpResponse r = http_.perform(req, cancel);
    throwForStatus(r, repo, "the file list");
    RepoInfo info;
    try {
        const auto j = nlohmann::json::parse(r.body);
        info.commit = j.at("sha").get<std::string>();
        if (j.contains("gated") && j.at("gated").is_string())
            info.gated = j.at("gated").get<std::string>();
        for (const auto& s : j.at("siblings")) {
            RepoFile f;
            f.path = s.at("rfilename").get<std::string>();
            f.sizeKnown = s.contains("size") && s.at("size").is_number_unsigned();
            if (f.sizeKnown)
                f.size = s.at("size").get<uint64_t>();
            if (s.contains("blobId") && s.at("blobId").is_string())
                f.blobId = s.at("blobId").get<std::string>();
            if (s.contains("lfs") && s.at("lfs").is_object()) {
                const auto& lfs = s.at("lfs");
                f.lfs = true;
                if (lfs.contains("sha256") && lfs.at("sha256").is_string())
                    f.lfsSha256 = lfs.at("sha256").get<std::string>();
                if (lfs.contains("size") && lfs.at("size").is_number_unsigned()) {
                    f.size = lfs.at("size").get<uint64_t>();
                    f.sizeKnown = true;
                }
            }
            info.files.push_back(std::move(f));
        }
    } catch (const nlohmann::json::exception& e) {
        throw HubError(settings_.endpoint + " sent a file list for " + repo.id() +
                       " that cannot be read (" + e.what() + "); if HF_ENDPOINT names a mirror, check it");
    }
    if (!isHexDigest(info.commit, 40))
        throw HubError(settings_.endpoint + " named the commit '" + info.commit.substr(0, 80) + "' for " + repo.id() +
                       ", which is not a commit hash");
    return info;
}

FileMetadata HubApi::fileMetadata(const RepoId& repo, const std::string& commit, const std::string& path,
                                  const CancelToken* cancel) {
    std::string url = resolveUrl(repo, commit, path);
    for (int hop = 0; hop < 5; ++hop) {
        HttpRequest req;
        req.method = "HEAD";
        req.url = url;
        req.headers = headersFor(url);
        req.headers.push_back("Accept-Encoding: identity");
        const HttpResponse r = http_.perform(req, cancel);
        throwForStatus(r, repo, path);
        const std::string location = r.header("location");
        // A relative Location is the Hub's own redirect (a renamed repository): ask there.
        if (r.status >= 300 && r.status < 400 && !location.empty() && location.front() == '/') {
            url = urlOrigin(settings_.endpoint) + location;
            continue;
        }
        FileMetadata m;
        m.commit = r.header("x-repo-commit");
        if (m.commit.empty())
            throw HubError(settings_.endpoint + " did not say which commit " + path + " belongs to (no X-Repo-Commit "
                           "header): a proxy or mirror in between does not pass the Hub's headers on");
        m.etag = normalizeEtag(!r.header("x-linked-etag").empty() ? r.header("x-linked-etag") : r.header("etag"));
        const bool redirected = r.status >= 300 && r.status < 400 && !location.empty();
        // A redirect's own Content-Length is its body's, not the file's.
        m.size = !r.header("x-linked-size").empty() ? toSize(r.header("x-linked-size"))
                 : redirected                       ? 0
                                                    : toSize(r.header("content-length"));
        m.location = redirected ? location : url;
        if (m.etag.empty())
            throw HubError(settings_.endpoint + " sent no ETag for " + path + ", so it cannot be stored or verified");
        return m;
    }
    throw HubError(settings_.endpoint + " redirected " + path + " too many times");
}

} // namespace i2v::hub
