// GalleryFilter: which gallery items are shown: those whose prompt contains the typed text (in any case)
// and that ended within the chosen period.
#pragma once
#include <QDateTime>
#include <QSortFilterProxyModel>

namespace i2v::ui {

class GalleryFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Period { Any, Today, Week, Month };

    explicit GalleryFilter(QObject* parent = nullptr);

    void setText(const QString& text);
    void setPeriod(Period period);
    QString text() const { return text_; }
    Period period() const { return period_; }
    // The moment the periods count back from; the current time when never set (tests set it).
    void setNow(const QDateTime& now);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QDateTime periodStart() const;

    QString text_;
    Period period_ = Period::Any;
    QDateTime now_;
    QDateTime start_;  // periodStart() when the filter last changed
};

} // namespace i2v::ui
