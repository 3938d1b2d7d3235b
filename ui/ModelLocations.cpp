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

QString appModelsDir() { return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/models"; }

QString defaultRealModelDir() { return appModelsDir() + "/" + QLatin1String(hub::kAppModelFolderName); }

QString automaticModelDir(const std::filesystem::path& hubCacheDir) {
    if (const auto m = hub::installedModel(QFileInfo(appModelsDir()).filesystemAbsoluteFilePath(), hubCacheDir))
        return m->source == hub::ModelSource::AppFolder ? defaultRealModelDir() : QString::fromStdString(m->path.string());
    return demoModelDir();
}

} // namespace i2v::ui
