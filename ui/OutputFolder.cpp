#include "ui/OutputFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

namespace i2v::ui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("i2v::ui::OutputFolder", text); }

} // namespace

QString outputFolderProblem(const QString& folder) {
    const QString shown = QDir::toNativeSeparators(folder);
    if (folder.trimmed().isEmpty())
        return tr("No output folder is set");
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return tr("The output folder %1 is a file, not a folder").arg(shown);
    if (!info.exists() && !QDir().mkpath(folder))
        return tr("The output folder %1 does not exist and cannot be created").arg(shown);
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".i2v-write-test-XXXXXX")));
    if (!probe.open() || probe.write("i2v", 3) != 3 || !probe.flush())
        return tr("Videos cannot be written to the output folder %1: %2").arg(shown, probe.errorString());
    return {};
}

} // namespace i2v::ui
