#include "ui/UnfinishedJobs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QUuid>

#include <algorithm>
#include <cstring>

namespace i2v::ui {
namespace {

const QString kJobFile = QStringLiteral("job.json");
const QString kPictureFile = QStringLiteral("picture.png");
const QString kProgressFile = QStringLiteral("progress.safetensors");
const QString kLockFile = QStringLiteral(".lock");

// A lock on `folder` that only a running process holds: a job runs for hours, so age alone never makes it stale.
std::unique_ptr<QLockFile> lockOf(const QString& folder) {
    auto lock = std::make_unique<QLockFile>(QDir(folder).filePath(kLockFile));
    lock->setStaleLockTime(0);
    return lock;
}

// Our own progress files have headers of a few kB; anything far larger is not one.
constexpr qint64 kMaxProgressHeader = 1 << 20;

} // namespace

UnfinishedJobs::UnfinishedJobs(QString root) : root_(std::move(root)) {}

UnfinishedJobs::~UnfinishedJobs() = default;

JobRequest UnfinishedJobs::keep(JobRequest request, QString* error) {
    // A time-ordered name: the folders list in the order the jobs were queued.
    const QString name = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmsszzz-")) +
                         QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString folder = QDir(root_).filePath(name);
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        QDir(folder).removeRecursively();
        return request;
    };
    const QString cannotCreate = QCoreApplication::translate("i2v::ui::UnfinishedJobs", "cannot create the folder %1")
                                     .arg(QDir::toNativeSeparators(folder));
    if (!QDir().mkpath(folder))
        return fail(cannotCreate);
    // Held before job.json exists: another app's list() never sees the folder free.
    auto lock = lockOf(folder);
    if (!lock->tryLock(0))
        return fail(cannotCreate);
    QJsonObject job = toJson(request);
    job[QStringLiteral("outputFolder")] = request.outputFolder;
    job[QStringLiteral("joinAfter")] = request.joinAfter;
    if (request.imagePath.isEmpty() && !request.image.isNull() &&
        !request.image.save(QDir(folder).filePath(kPictureFile), "PNG"))
        return fail(QCoreApplication::translate("i2v::ui::UnfinishedJobs", "cannot write the picture into %1")
                        .arg(QDir::toNativeSeparators(folder)));
    QSaveFile file(QDir(folder).filePath(kJobFile));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(job).toJson()) < 0 || !file.commit())
        return fail(file.errorString());
    request.progressFile = QDir(folder).filePath(kProgressFile);
    held_[QFileInfo(folder).absoluteFilePath()] = std::move(lock);
    return request;
}

bool UnfinishedJobs::claim(const QString& progressFile) {
    const QString folder = QFileInfo(progressFile).absolutePath();
    if (held_.count(folder))
        return true;
    auto lock = lockOf(folder);
    if (!lock->tryLock(0))
        return false;
    held_[folder] = std::move(lock);
    return true;
}

void UnfinishedJobs::release(const QString& progressFile) {
    if (!progressFile.isEmpty())
        held_.erase(QFileInfo(progressFile).absolutePath());
}

void UnfinishedJobs::remove(const QString& progressFile) {
    if (progressFile.isEmpty())
        return;
    const QString folder = QFileInfo(progressFile).absolutePath();
    // Only a folder of ours: a damaged or edited request must not name another folder to delete.
    if (QFileInfo(folder).absolutePath() != QFileInfo(root_).absoluteFilePath())
        return;
    if (!held_.count(folder) && heldByAnotherApp(folder))
        return;
    QDir(folder).removeRecursively();  // the lock file with it, then the lock (which then finds nothing to remove)
    held_.erase(folder);
}

bool UnfinishedJobs::heldByAnotherApp(const QString& folder) const {
    const auto lock = lockOf(folder);
    if (lock->tryLock(0)) {
        lock->unlock();
        return false;
    }
    return lock->error() == QLockFile::LockFailedError;
}

std::pair<int, int> UnfinishedJobs::savedSteps(const QString& progressFile) {
    // The safetensors header: 8 bytes of length, then JSON whose __metadata__ the engine writes (JobCheckpoint).
    QFile file(progressFile);
    if (!file.open(QIODevice::ReadOnly))
        return {0, 0};
    quint64 length = 0;
    const QByteArray size = file.read(8);
    if (size.size() != 8)
        return {0, 0};
    for (int i = 7; i >= 0; --i)
        length = length << 8 | quint8(size[i]);
    if (length == 0 || length > quint64(kMaxProgressHeader))
        return {0, 0};
    const QJsonObject meta =
        QJsonDocument::fromJson(file.read(qint64(length))).object().value(QStringLiteral("__metadata__")).toObject();
    bool doneOk = false, totalOk = false;
    const int done = meta.value(QStringLiteral("steps_done")).toString().toInt(&doneOk);
    const int total = meta.value(QStringLiteral("total_steps")).toString().toInt(&totalOk);
    if (!doneOk || !totalOk || done < 1 || done > total)
        return {0, 0};
    return {done, total};
}

QList<UnfinishedJob> UnfinishedJobs::list() const {
    QList<UnfinishedJob> jobs;
    const QDir root(root_);
    for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir folder(root.filePath(name));
        if (!held_.count(folder.absolutePath()) && heldByAnotherApp(folder.absolutePath()))
            continue;
        QFile file(folder.filePath(kJobFile));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(file.read(kMaxProgressHeader));
        if (!doc.isObject())
            continue;
        const QJsonObject o = doc.object();
        UnfinishedJob job;
        job.request = jobRequestFromJson(o);
        job.request.outputFolder = o.value(QStringLiteral("outputFolder")).toString();
        job.request.joinAfter = o.value(QStringLiteral("joinAfter")).toString();
        if (job.request.imagePath.isEmpty()) {
            job.request.image.load(folder.filePath(kPictureFile), "PNG");
            if (job.request.image.isNull())
                continue;  // its picture is gone: nothing to go on with
        }
        job.request.progressFile = folder.filePath(kProgressFile);
        std::tie(job.stepsDone, job.totalSteps) = savedSteps(job.request.progressFile);
        const QFileInfo progress(job.request.progressFile);
        job.saved = (progress.exists() ? progress : QFileInfo(file)).lastModified();
        jobs << job;
    }
    return jobs;
}

} // namespace i2v::ui
