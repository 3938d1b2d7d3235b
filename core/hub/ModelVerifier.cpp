#include "hub/ModelVerifier.h"

#include "hub/ContentHash.h"
#include "hub/ModelCatalog.h"
#include "util/Errors.h"

namespace i2v::hub {
namespace fs = std::filesystem;

VerifyReport verifyModelFolder(const fs::path& dir, bool deep, const CancelToken* cancel,
                               const std::function<void(const std::string&, int, int)>& onFile) {
    VerifyReport report;
    const auto entry = inspectModelFolder(dir, ModelSource::UserFolder);
    if (!entry) {
        report.problems.push_back(dir.string() + " is not an I2VGen-XL model folder (no model_index.json naming "
                                                 "I2VGenXLPipeline)");
        return report;
    }
    report.problems = entry->problems;
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
        if (it->is_regular_file() || it->is_symlink())
            files.push_back(it->path());
    report.filesChecked = static_cast<int>(files.size());
    if (!deep)
        return report;
    const int count = static_cast<int>(files.size());
    for (int i = 0; i < count; ++i) {
        const fs::path& f = files[i];
        const std::string rel = f.lexically_relative(dir).string();
        if (cancel)
            cancel->throwIfCancelled();
        // In the Hub cache every snapshot file links to blobs/<hash>: the name is the expected hash.
        std::error_code e2;
        if (!fs::is_symlink(f, e2))
            continue;
        const fs::path target = fs::canonical(f, e2);
        if (e2) {
            report.problems.push_back(rel + ": the link points nowhere");
            continue;
        }
        const std::string expected = target.filename().string();
        const auto kind = hashKindOfEtag(expected);
        if (!kind)
            continue;
        if (onFile)
            onFile(rel, i, count);
        try {
            const std::string actual = hashFile(target, *kind, [&](uint64_t) {
                if (cancel)
                    cancel->throwIfCancelled();
            });
            ++report.filesHashed;
            report.bytesHashed += fs::file_size(target, e2);
            if (actual != expected)
                report.problems.push_back(rel + ": the content does not match its hash (" +
                                          (*kind == HashKind::Sha256 ? "SHA-256 " : "git SHA-1 ") + actual +
                                          ", expected " + expected + "); download the model again");
        } catch (const IoError& e) {
            report.problems.push_back(rel + ": " + e.what());
        }
    }
    if (report.filesHashed == 0)
        report.problems.push_back("nothing could be hashed: " + dir.string() +
                                  " is not a Hub cache snapshot, whose file names are their hashes (the quick "
                                  "check above still applies)");
    return report;
}

} // namespace i2v::hub
