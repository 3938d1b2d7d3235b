#include "ui/PresetRow.h"

#include "ui/JobPresets.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QToolButton>

#include <algorithm>
#include <utility>

namespace i2v::ui {

PresetRow::PresetRow(JobPresets* presets, ShownSettings shown, PutSettings put, QWidget* parent)
    : QWidget(parent), presets_(presets), shown_(std::move(shown)), put_(std::move(put)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    list_ = new QComboBox(this);
    list_->setObjectName(QStringLiteral("preset"));
    const QStringList builtIn = JobPresets::builtInNames();
    list_->setToolTip(tr("%1: a quick look (%2). %3: the model's native %4. Your own presets follow.")
                          .arg(builtIn.at(0), JobPresets::builtInSummary(builtIn.at(0)), builtIn.at(1),
                               JobPresets::builtInSummary(builtIn.at(1))));
    auto* saveButton = new QToolButton(this);
    saveButton->setObjectName(QStringLiteral("savePreset"));
    saveButton->setText(tr("Save…"));
    saveButton->setToolTip(tr("Keep the size, frames, steps, scheduler, guidance, eta and fps as a preset"));
    delete_ = new QToolButton(this);
    delete_->setObjectName(QStringLiteral("deletePreset"));
    delete_->setText(tr("Delete"));
    delete_->setToolTip(tr("Delete the chosen preset of yours"));
    layout->addWidget(list_, 1);
    layout->addWidget(saveButton);
    layout->addWidget(delete_);
    fill(QString());
    connect(list_, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { apply(list_->itemData(index).toString()); });
    connect(saveButton, &QToolButton::clicked, this, &PresetRow::askSave);
    connect(delete_, &QToolButton::clicked, this, &PresetRow::askRemove);
}

void PresetRow::fill(const QString& select) {
    const QSignalBlocker block(list_);
    list_->clear();
    list_->addItem(tr("Choose a preset…"), QString());
    for (const QString& name : JobPresets::builtInNames())
        list_->addItem(name, name);
    const QStringList own = presets_ ? presets_->userNames() : QStringList();
    if (!own.isEmpty())
        list_->insertSeparator(list_->count());
    for (const QString& name : own)
        list_->addItem(name, name);
    list_->setCurrentIndex(std::max(0, list_->findData(select)));
    delete_->setEnabled(!select.isEmpty() && !JobPresets::isBuiltIn(select));
}

QString PresetRow::current() const { return list_->currentData().toString(); }

void PresetRow::settingsEdited() {
    const QString name = current();
    if (name.isEmpty() || !presets_)
        return;
    list_->setItemText(list_->currentIndex(),
                       presets_->holds(name, shown_()) ? name : tr("%1 (changed)").arg(name));
}

bool PresetRow::apply(const QString& name) {
    if (!presets_)
        return false;
    const std::optional<GenerationRequest> g = presets_->apply(name, shown_());
    if (!g) {
        fill(QString());
        return false;
    }
    put_(*g);
    fill(name);
    settingsEdited();  // a stored value the form cannot show (out of range) leaves it changed
    return true;
}

QString PresetRow::save(const QString& name) {
    if (!presets_)
        return tr("Presets are not available");
    const QString error = presets_->save(name, shown_());
    if (error.isEmpty())
        fill(name.trimmed());
    return error;
}

bool PresetRow::remove(const QString& name) {
    if (!presets_ || !presets_->remove(name))
        return false;
    fill(QString());
    return true;
}

void PresetRow::askSave() {
    const QString chosen = current();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save preset"), tr("Name of the preset:"), QLineEdit::Normal,
                                               JobPresets::isBuiltIn(chosen) ? QString() : chosen, &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    if (presets_ && presets_->userNames().contains(name) &&
        QMessageBox::question(this, tr("Replace preset?"), tr("A preset named “%1” exists. Replace it?").arg(name),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    if (const QString error = save(name); !error.isEmpty())
        QMessageBox::warning(this, tr("Save preset"), error);
}

void PresetRow::askRemove() {
    const QString name = current();
    if (name.isEmpty() || JobPresets::isBuiltIn(name))
        return;
    if (QMessageBox::question(this, tr("Delete preset?"), tr("Delete the preset “%1”?").arg(name),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes)
        remove(name);
}

} // namespace i2v::ui
