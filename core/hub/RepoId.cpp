#include "hub/RepoId.h"

#include "util/Errors.h"

namespace i2v::hub {
namespace {

// Why a repo-id part is not valid, or empty when it is.
std::string partProblem(const std::string& part) {
    if (part.empty())
        return "is empty";
    if (part.size() > 96)
        return "is longer than 96 characters";
    for (char c : part) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        if (!ok)
            return std::string("contains '") + c + "' (only letters, digits, '-', '_' and '.' are allowed)";
    }
    if (part.find("--") != std::string::npos || part.find("..") != std::string::npos)
        return "contains '--' or '..'";
    if (part.front() == '-' || part.front() == '.' || part.back() == '-' || part.back() == '.')
        return "starts or ends with '-' or '.'";
    return {};
}

std::string revisionProblem(const std::string& rev) {
    if (rev.empty())
        return "is empty";
    if (rev.size() > 255)
        return "is longer than 255 characters";
    for (unsigned char c : rev)
        if (c < 0x21 || c == 0x7f || c == '\\')
            return "contains a space or control character";
    if (rev.find("..") != std::string::npos || rev.front() == '/' || rev.back() == '/')
        return "is not a valid branch, tag or commit name";
    return {};
}

} // namespace

bool isHexDigest(const std::string& s, size_t length) {
    if (s.size() != length)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

bool RepoId::revisionIsCommit() const { return isHexDigest(revision, 40); }

std::optional<RepoId> RepoId::tryParse(const std::string& text) {
    try {
        return parse(text);
    } catch (const InputError&) {
        return std::nullopt;
    }
}

RepoId RepoId::parse(const std::string& text) {
    RepoId r;
    std::string ids = text;
    if (const auto at = text.find('@'); at != std::string::npos) {
        ids = text.substr(0, at);
        r.revision = text.substr(at + 1);
        if (const std::string p = revisionProblem(r.revision); !p.empty())
            throw InputError("the revision in '" + text + "' " + p);
    }
    const auto slash = ids.find('/');
    if (slash == std::string::npos || ids.find('/', slash + 1) != std::string::npos)
        throw InputError("'" + text + "' is not a model repository id: write it as ORG/NAME (e.g. " +
                         kDefaultModelRepo + "), optionally followed by @REVISION");
    r.org = ids.substr(0, slash);
    r.name = ids.substr(slash + 1);
    for (const std::string* part : {&r.org, &r.name})
        if (const std::string p = partProblem(*part); !p.empty())
            throw InputError("the repository id '" + text + "' is not valid: '" + *part + "' " + p);
    return r;
}

std::optional<RepoId> RepoId::fromCacheFolderName(const std::string& folder) {
    const std::string prefix = "models--";
    if (folder.rfind(prefix, 0) != 0)
        return std::nullopt;
    const std::string rest = folder.substr(prefix.size());
    const auto sep = rest.find("--");
    if (sep == std::string::npos)
        return std::nullopt;
    return tryParse(rest.substr(0, sep) + "/" + rest.substr(sep + 2));
}

} // namespace i2v::hub
