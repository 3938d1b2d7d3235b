#include "ui/JobHistory.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace i2v::ui {
namespace {

// Version 1 kept a picture that came as data inside the request's JSON (base64 PNG), so listing the gallery read,
// parsed and decoded every such picture: 20 s and 3 GB at the start for 300 continued jobs. Version 2 keeps it as
// PNG in the table's last column, which the listing never reads.
constexpr int kSchemaVersion = 2;

JobOutcome parseOutcome(const QString& name) {
    if (name == QLatin1String("cancelled"))
        return JobOutcome::Cancelled;
    if (name == QLatin1String("failed"))
        return JobOutcome::Failed;
    if (name == QLatin1String("not_saved"))
        return JobOutcome::NotSaved;
    return JobOutcome::Finished;
}

QByteArray pngBytes(const QImage& image) {
    QByteArray bytes;
    if (image.isNull())
        return bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

HistoryEntry entryFrom(const QSqlQuery& q) {
    HistoryEntry e;
    e.id = q.value(0).toLongLong();
    e.started = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    e.ended = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    e.outcome = parseOutcome(q.value(3).toString());
    e.message = q.value(4).toString();
    e.request = jobRequestFromJson(QJsonDocument::fromJson(q.value(5).toByteArray()).object());
    e.parametersJson = q.value(6).toString();
    e.videoPath = q.value(7).toString();
    e.modelDir = q.value(8).toString();
    e.thumbnail.loadFromData(q.value(9).toByteArray(), "PNG");
    return e;
}

const char* const kColumns = "id, started, ended, outcome, message, request, parameters, video_path, model, thumbnail";

bool hasColumn(const QSqlDatabase& db, const QString& table, const QString& column) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        return false;
    while (q.next())
        if (q.value(1).toString() == column)
            return true;
    return false;
}

} // namespace

QString JobHistory::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

QString JobHistory::outcomeName(JobOutcome outcome) {
    switch (outcome) {
    case JobOutcome::Cancelled: return QStringLiteral("cancelled");
    case JobOutcome::Failed: return QStringLiteral("failed");
    case JobOutcome::NotSaved: return QStringLiteral("not_saved");
    case JobOutcome::Finished: break;
    }
    return QStringLiteral("finished");
}

JobHistory::JobHistory(const QString& databasePath)
    : path_(databasePath), connection_(QStringLiteral("i2v-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        error_ = QCoreApplication::translate("i2v::ui::JobHistory", "the Qt SQLite driver (QSQLITE) is not installed");
        return;
    }
    if (!QDir().mkpath(QFileInfo(path_).absolutePath())) {
        error_ = QCoreApplication::translate("i2v::ui::JobHistory", "cannot create the folder of %1").arg(QDir::toNativeSeparators(path_));
        return;
    }
    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection_).setDatabaseName(path_);
    open_ = openFile();
    // A file SQLite cannot read (not a database at all, or one with damaged pages) would leave every later start
    // without a history until the user found and removed it: it is kept under another name, and a new one begun.
    if (!open_ && damaged_ && setDamagedFileAside())
        open_ = openFile();
}

bool JobHistory::openFile() {
    QSqlDatabase db = QSqlDatabase::database(connection_, false);
    if (!db.open()) {
        noteError(db.lastError());
        return false;
    }
    const bool ready = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS jobs ("
                                           "id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, ended TEXT NOT NULL, "
                                           "outcome TEXT NOT NULL, message TEXT, request TEXT NOT NULL, parameters TEXT, "
                                           "video_path TEXT, model TEXT, thumbnail BLOB)")) &&
                       upgradeSchema();
    if (!ready)
        db.close();
    return ready;
}

void JobHistory::noteError(const QSqlError& error) {
    error_ = error.text();
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), as the QSQLITE driver reports SQLite's code.
    const QString code = error.nativeErrorCode();
    damaged_ = damaged_ || code == QLatin1String("11") || code == QLatin1String("26");
}

bool JobHistory::setDamagedFileAside() {
    const QString aside = path_ + QStringLiteral(".damaged-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (QFileInfo::exists(aside) || !QFile::rename(path_, aside))
        return false;
    // Its rollback journal or write-ahead log goes with it: left beside a new file, SQLite would apply it there.
    for (const char* suffix : {"-journal", "-wal", "-shm"})
        if (QFileInfo::exists(path_ + QLatin1String(suffix)))
            QFile::rename(path_ + QLatin1String(suffix), aside + QLatin1String(suffix));
    damagedReason_ = error_;
    keptAside_ = aside;
    error_.clear();
    damaged_ = false;
    return true;
}

bool JobHistory::upgradeSchema() {
    QSqlDatabase db = QSqlDatabase::database(connection_, false);
    {
        QSqlQuery version(db);
        if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()) {
            noteError(version.lastError());
            return false;
        }
        if (version.value(0).toInt() >= kSchemaVersion)
            return true;
    }
    // All or nothing: a file left half way would have pictures in neither place. (The column may exist already:
    // an earlier version of the app wrote its own number back after this one had upgraded the file.)
    if (!db.transaction()) {
        noteError(db.lastError());
        return false;
    }
    const bool done = (hasColumn(db, QStringLiteral("jobs"), QStringLiteral("picture")) ||
                       exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN picture BLOB"))) &&
                      movePicturesOutOfRequests() &&
                      exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
    if (done && db.commit())
        return true;
    if (error_.isEmpty())
        noteError(db.lastError());
    db.rollback();
    return false;
}

bool JobHistory::movePicturesOutOfRequests() {
    const QSqlDatabase db = QSqlDatabase::database(connection_, false);
    QList<qint64> ids;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT id FROM jobs WHERE instr(request, '\"imagePng\"') > 0"))) {
            noteError(q.lastError());
            return false;
        }
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    for (const qint64 id : ids) {  // one at a time: each request holds a whole picture
        QSqlQuery read(db);
        read.prepare(QStringLiteral("SELECT request FROM jobs WHERE id = ?"));
        read.addBindValue(id);
        if (!read.exec() || !read.next()) {
            noteError(read.lastError());
            return false;
        }
        QJsonObject request = QJsonDocument::fromJson(read.value(0).toByteArray()).object();
        const QByteArray png = QByteArray::fromBase64(request.take(QStringLiteral("imagePng")).toString().toLatin1());
        QSqlQuery write(db);
        write.prepare(QStringLiteral("UPDATE jobs SET request = ?, picture = ? WHERE id = ?"));
        write.addBindValue(QJsonDocument(request).toJson(QJsonDocument::Compact));
        write.addBindValue(png);
        write.addBindValue(id);
        if (!write.exec()) {
            noteError(write.lastError());
            return false;
        }
    }
    return true;
}

JobHistory::~JobHistory() {
    if (QSqlDatabase::contains(connection_)) {
        QSqlDatabase::database(connection_, false).close();
        QSqlDatabase::removeDatabase(connection_);
    }
}

bool JobHistory::exec(const QString& sql) {
    QSqlQuery q(QSqlDatabase::database(connection_, false));
    if (q.exec(sql))
        return true;
    noteError(q.lastError());
    return false;
}

qint64 JobHistory::record(const HistoryEntry& e) {
    if (!open_)
        return 0;
    QSqlQuery q(QSqlDatabase::database(connection_, false));
    q.prepare(QStringLiteral("INSERT INTO jobs (started, ended, outcome, message, request, parameters, video_path, model, "
                             "thumbnail, picture) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.started.toString(Qt::ISODateWithMs));
    q.addBindValue(e.ended.toString(Qt::ISODateWithMs));
    q.addBindValue(outcomeName(e.outcome));
    q.addBindValue(e.message);
    q.addBindValue(QJsonDocument(toJson(e.request)).toJson(QJsonDocument::Compact));
    q.addBindValue(e.parametersJson);
    q.addBindValue(e.videoPath);
    q.addBindValue(e.modelDir);
    const QImage thumb = e.thumbnail.isNull() ? QImage()
                                              : e.thumbnail.scaled(thumbnailSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    q.addBindValue(pngBytes(thumb));
    q.addBindValue(e.request.imagePath.isEmpty() ? pngBytes(e.request.image) : QByteArray());
    if (!q.exec()) {
        noteError(q.lastError());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

QList<HistoryEntry> JobHistory::entries(int limit) const {
    QList<HistoryEntry> out;
    if (!open_)
        return out;
    QSqlQuery q(QSqlDatabase::database(connection_, false));
    q.prepare(QStringLiteral("SELECT %1 FROM jobs ORDER BY id DESC LIMIT ?").arg(QLatin1String(kColumns)));
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next())
        out.push_back(entryFrom(q));
    return out;
}

std::optional<HistoryEntry> JobHistory::entry(qint64 id) const {
    if (!open_)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(connection_, false));
    q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return entryFrom(q);
}

QImage JobHistory::picture(qint64 id) const {
    QImage image;
    if (!open_)
        return image;
    QSqlQuery q(QSqlDatabase::database(connection_, false));
    q.prepare(QStringLiteral("SELECT picture FROM jobs WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        image.loadFromData(q.value(0).toByteArray(), "PNG");
    return image;
}

bool JobHistory::remove(qint64 id) {
    if (!open_)
        return false;
    QSqlQuery q(QSqlDatabase::database(connection_, false));
    q.prepare(QStringLiteral("DELETE FROM jobs WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        noteError(q.lastError());
        return false;
    }
    return q.numRowsAffected() > 0;
}

} // namespace i2v::ui
