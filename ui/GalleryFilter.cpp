#include "ui/GalleryFilter.h"

#include "ui/GalleryModel.h"

namespace i2v::ui {

GalleryFilter::GalleryFilter(QObject* parent) : QSortFilterProxyModel(parent) {}

void GalleryFilter::setText(const QString& text) {
    const QString simplified = text.simplified();
    if (simplified == text_)
        return;
    text_ = simplified;
    invalidateFilter();
}

void GalleryFilter::setPeriod(Period period) {
    if (period == period_)
        return;
    period_ = period;
    start_ = periodStart();
    invalidateFilter();
}

void GalleryFilter::setNow(const QDateTime& now) {
    now_ = now;
    start_ = periodStart();
    invalidateFilter();
}

QDateTime GalleryFilter::periodStart() const {
    const QDateTime now = now_.isValid() ? now_ : QDateTime::currentDateTime();
    switch (period_) {
    case Period::Any: return {};
    case Period::Today: return QDateTime(now.date(), QTime(0, 0));
    case Period::Week: return now.addDays(-7);
    case Period::Month: return now.addDays(-30);
    }
    return {};
}

bool GalleryFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (start_.isValid() && index.data(GalleryModel::EndedRole).toDateTime() < start_)
        return false;
    if (text_.isEmpty())
        return true;
    return index.data(GalleryModel::PromptRole).toString().simplified().contains(text_, Qt::CaseInsensitive);
}

} // namespace i2v::ui
