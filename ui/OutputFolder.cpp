#include "ui/OutputFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

namespace i2v::ui {
QString outputFolderProblem(const QString& folder) {
    const QString shown = QDir::toNativeSeparators(folder);
    if (folder.trimmed().isEmpty())
        return QCoreApplication::translate("i2v::ui::OutputFolder", "No output folder is set");
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return QCoreApplication::translate("i2v::ui::OutputFolder", "The output folder %1 is a file, not a folder").arg(shown);
    if (!info.exists() && !QDir().mkpath(folder))
        return QCoreApplication::translate("i2v::ui::OutputFolder", "The output folder %1 does not exist and cannot be created").arg(shown);
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".i2v-write-test-XXXXXX")));
    if (!probe.open() || probe.write("i2v", 3) != 3 || !probe.flush())
        return QCoreApplication::translate("i2v::ui::OutputFolder", "Videos cannot be written to the output folder %1: %2").arg(shown, probe.errorString());
    return {};
}

} // namespace i2v::ui
