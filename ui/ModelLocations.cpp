#include "ui/ModelLocations.h"

#include "hub/ModelCatalog.h"
#include "hub/RepoId.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

namespace i2v::ui {

bool isModelFolder(const QString& dir) { return !dir.isEmpty() && QFileInfo::exists(dir + "/model_index.json"); }

bool isSameFolder(const QString& a, const QString& b) {
    const auto identity = [](const QString& dir) {
        const QString c = QFileInfo(dir).canonicalFilePath();
        return c.isEmpty() ? QDir::cleanPath(dir) : c;
    };
    return identity(a) == identity(b);
}

QString demoModelDir() {
    QStringList candidates;
    if (const QString env = qEnvironmentVariable("I2V_DEMO_MODEL"); !env.isEmpty())
        candidates << env;
    const QString appDir = QCoreApplication::applicationDirPath();
    candidates << appDir + "/../share/i2v-studio/models/demo" << appDir + "/../../resources/models/demo";
#ifdef I2V_SOURCE_DIR
    candidates << QStringLiteral(I2V_SOURCE_DIR "/resources/models/demo");
#endif
    for (const QString& c : candidates)
        if (isModelFolder(c))
            return QDir(c).canonicalPath();
    return {};
}

QString defaultRealModelDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/models/i2vgen-xl";
}

QString appModelsDir() { return QFileInfo(defaultRealModelDir()).path(); }

QString automaticModelDir(const std::filesystem::path& hubCacheDir) {
    const QString real = defaultRealModelDir();
    if (const auto m = hub::inspectModelFolder(QFileInfo(real).filesystemAbsoluteFilePath(), hub::ModelSource::AppFolder);
        m && m->complete)
        return real;
    const auto cached = hub::findCachedModel(hub::RepoId::parse(hub::kDefaultModelRepo), hubCacheDir);
    if (cached && cached->complete)
        return QString::fromStdString(cached->path.string());
    return demoModelDir();
}

} // namespace i2v::ui
