#include "DuplicateReviewPage.h"

#include "DuplicateComparisonTable.h"
#include "DuplicateExplanation.h"
#include "FlagStore.h"
#include "FlagTableModel.h"
#include "MatchComparison.h"
#include "MergeOperation.h"
#include "ReasonDialog.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace wardroll::ui {

DuplicateReviewPage::DuplicateReviewPage(QWidget* parent)
    : QWidget(parent)
{
    createWidgets();
    retranslateUi();
    updateActions();
}

DuplicateReviewPage::~DuplicateReviewPage()
{
    m_table->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
}

void DuplicateReviewPage::createWidgets()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* splitter = new QSplitter(Qt::Horizontal, this);

    auto* listPane = new QWidget(splitter);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_count = new QLabel(listPane);
    m_count->setObjectName(QStringLiteral("pairCount"));
    m_table = new QTableView(listPane);
    m_table->setObjectName(QStringLiteral("pairTable"));
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    listLayout->addWidget(m_count);
    listLayout->addWidget(m_table, 1);

    auto* detailPane = new QWidget(splitter);
    auto* detail = new QVBoxLayout(detailPane);
    detail->setContentsMargins(0, 0, 0, 0);
    auto* survivorRow = new QHBoxLayout;
    m_survivorLabel = new QLabel(detailPane);
    m_keepFirst = new QRadioButton(detailPane);
    m_keepFirst->setObjectName(QStringLiteral("keepFirst"));
    m_keepSecond = new QRadioButton(detailPane);
    m_keepSecond->setObjectName(QStringLiteral("keepSecond"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_keepFirst, DuplicateComparisonTable::First);
    group->addButton(m_keepSecond, DuplicateComparisonTable::Second);
    m_keepFirst->setChecked(true);
    survivorRow->addWidget(m_survivorLabel);
    survivorRow->addWidget(m_keepFirst);
    survivorRow->addWidget(m_keepSecond);
    survivorRow->addStretch(1);
    detail->addLayout(survivorRow);

    m_comparison = new DuplicateComparisonTable(detailPane);
    m_comparison->setObjectName(QStringLiteral("comparisonTable"));
    detail->addWidget(m_comparison, 3);
    connect(group, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked && m_comparison->hasRecords())
            m_comparison->setSurvivor(static_cast<DuplicateComparisonTable::Side>(id));
    });

    m_whyTitle = new QLabel(detailPane);
    m_why = new QLabel(detailPane);
    m_why->setObjectName(QStringLiteral("duplicateWhy"));
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::RichText);
    m_why->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* whyScroll = new QScrollArea(detailPane);
    whyScroll->setWidget(m_why);
    whyScroll->setWidgetResizable(true);
    whyScroll->setFrameShape(QFrame::NoFrame);
    detail->addWidget(m_whyTitle);
    detail->addWidget(whyScroll, 1);

    auto* buttons = new QHBoxLayout;
    m_mergeButton = new QPushButton(detailPane);
    m_mergeButton->setObjectName(QStringLiteral("mergeButton"));
    m_notSameButton = new QPushButton(detailPane);
    m_notSameButton->setObjectName(QStringLiteral("notSameButton"));
    m_undoButton = new QPushButton(detailPane);
    m_undoButton->setObjectName(QStringLiteral("undoMergeButton"));
    connect(m_mergeButton, &QPushButton::clicked, this, [this] { (void)mergeCurrent(); });
    connect(m_notSameButton, &QPushButton::clicked, this, [this] { (void)dismissCurrent(); });
    connect(m_undoButton, &QPushButton::clicked, this, [this] { (void)undoLastMerge(); });
    buttons->addWidget(m_mergeButton);
    buttons->addWidget(m_notSameButton);
    buttons->addStretch(1);
    buttons->addWidget(m_undoButton);
    detail->addLayout(buttons);
    m_info = new QLabel(detailPane);
    m_info->setObjectName(QStringLiteral("duplicateInfo"));
    m_info->setWordWrap(true);
    detail->addWidget(m_info);

    splitter->addWidget(listPane);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({440, 740}); // fits 1366×768
    layout->addWidget(splitter, 1);

    setTabOrder(m_table, m_keepFirst);
    setTabOrder(m_keepFirst, m_keepSecond);
    setTabOrder(m_keepSecond, m_comparison);
    setTabOrder(m_comparison, m_mergeButton);
    setTabOrder(m_mergeButton, m_notSameButton);
    setTabOrder(m_notSameButton, m_undoButton);
}

void DuplicateReviewPage::retranslateUi()
{
    m_survivorLabel->setText(tr("Record that keeps its ID:"));
    m_whyTitle->setText(tr("Why they look like one person:"));
    m_mergeButton->setText(tr("&Merge"));
    m_notSameButton->setText(tr("&Not the same person…"));
    m_undoButton->setText(tr("&Undo last merge"));
    if (m_model)
        m_model->retranslate();
    m_comparison->retranslate();
    showCurrent();
}

void DuplicateReviewPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DuplicateReviewPage::setWard(model::WardDatabase* ward)
{
    m_table->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_ward = ward;
    m_lastMergeId.clear();
    if (m_ward) {
        m_model = new FlagTableModel(*m_ward, this);
        m_model->setPageSize(100);
        m_table->setModel(m_model);
        for (int column : {FlagTableModel::SeverityColumn, FlagTableModel::MessageColumn})
            m_table->setColumnHidden(column, true);
        // Score first: the list is ranked by it.
        m_table->horizontalHeader()->moveSection(FlagTableModel::ScoreColumn, 0);
        connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &DuplicateReviewPage::showCurrent);
        connect(m_model, &QAbstractItemModel::modelReset, this, &DuplicateReviewPage::showCurrent);
        connect(m_model, &FlagTableModel::refreshed, this, &DuplicateReviewPage::selectFirstAndCount);
    }
    refresh();
}

void DuplicateReviewPage::refresh()
{
    if (!m_model) {
        m_count->clear();
        showCurrent();
        return;
    }
    model::FlagQuery query;
    query.rules = {QStringLiteral("dup.*")};
    m_model->setQuery(query);
    selectFirstAndCount();
}

void DuplicateReviewPage::refreshInBackground()
{
    if (m_model) {
        m_model->refreshInBackground(); // selectFirstAndCount() when read
        updateActions();
    } else {
        refresh();
    }
}

void DuplicateReviewPage::selectFirstAndCount()
{
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    auto count = m_model->countedFlags() >= 0 ? model::Result<qint64>(m_model->countedFlags())
                                              : model::FlagStore(*m_ward).count(m_model->query());
    m_count->setText(count.ok() ? tr("%Ln pair(s) to review", nullptr, static_cast<int>(count.value()))
                                : QString());
}

bool DuplicateReviewPage::selectPair(const QString& flagId)
{
    if (!m_model)
        return false;
    const int row = m_model->fetchRowOf(flagId);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, 0));
    return true;
}

const model::Flag* DuplicateReviewPage::current() const
{
    return m_model ? m_model->flagAt(m_table->currentIndex()) : nullptr;
}

QString DuplicateReviewPage::currentFlagId() const
{
    const model::Flag* flag = current();
    return flag ? flag->id : QString();
}

QString DuplicateReviewPage::whyHtml(const model::Flag& flag) const
{
    const QJsonObject details = QJsonDocument::fromJson(flag.finding.details.toUtf8()).object();
    QString html = QStringLiteral("<p>") + flag.finding.message.toHtmlEscaped() + QStringLiteral("</p>");
    const QJsonArray fields = details.value(QStringLiteral("fields")).toArray();
    if (fields.isEmpty())
        return html;
    const QLocale locale;
    html += QStringLiteral("<table cellspacing='0' cellpadding='3'>");
    html += QStringLiteral(
                "<tr><th align='left'>%1</th><th align='left'>%2</th><th align='right'>%3</th></tr>")
                .arg(tr("Field"), tr("Comparison"), tr("Weight"));
    for (const QJsonValue& value : fields) {
        const QJsonObject field = value.toObject();
        const QString code = field.value(QStringLiteral("field")).toString();
        const QString level = field.value(QStringLiteral("level")).toString();
        QString fieldTitle = code;
        QString levelTitle = level;
        for (int id = 0; id < model::MatchComparison::Count; ++id) {
            if (model::MatchComparison::fieldCode(id) != code)
                continue;
            fieldTitle = model::MatchComparison::fieldTitle(id);
            for (int l = 0; l < model::MatchComparison::levelCount(id); ++l)
                if (model::MatchComparison::levelCode(id, l) == level)
                    levelTitle = model::MatchComparison::levelTitle(id, l);
        }
        const double weight = field.value(QStringLiteral("weight")).toDouble();
        // Evidence for one person in green, against in red.
        const QString colour = weight >= 0 ? QStringLiteral("#1b5e20") : QStringLiteral("#b71c1c");
        html += QStringLiteral(
                    "<tr><td>%1</td><td>%2</td><td align='right'><font color='%3'>%4</font></td></tr>")
                    .arg(fieldTitle.toHtmlEscaped(), levelTitle.toHtmlEscaped(), colour,
                         (weight >= 0 ? QStringLiteral("+") : QString()) + locale.toString(weight, 'f', 1));
    }
    html += QStringLiteral("</table>");
    return html;
}

void DuplicateReviewPage::showCurrent()
{
    const model::Flag* flag = current();
    if (!flag || !m_ward) {
        m_comparison->clearRecords();
        m_comparison->retranslate();
        m_why->setText(m_model && m_model->rowCount() == 0 ? tr("No duplicates to review.") : QString());
        updateActions();
        return;
    }
    model::WardStore store(*m_ward);
    auto first = store.resident(flag->finding.residentId);
    auto second = store.resident(flag->finding.otherResidentId);
    if (!first.ok() || !second.ok()) {
        m_comparison->clearRecords();
        m_why->setText((first.ok() ? second.error() : first.error()).message.toHtmlEscaped());
        updateActions();
        return;
    }
    auto householdNumber = [&store](const model::Resident& r) {
        if (r.householdId.isEmpty())
            return QString();
        auto household = store.household(r.householdId);
        return household.ok() ? household->number : QString();
    };
    m_comparison->setRecords(first.value(), second.value(), householdNumber(first.value()),
                             householdNumber(second.value()));
    m_keepFirst->setText(model::DuplicateExplanation::reference(first.value()));
    m_keepSecond->setText(model::DuplicateExplanation::reference(second.value()));
    {
        const QSignalBlocker blocker(m_keepFirst);
        m_keepFirst->setChecked(true);
    }
    m_why->setText(whyHtml(*flag));
    updateActions();
}

void DuplicateReviewPage::updateActions()
{
    const model::Flag* flag = current();
    const bool reviewable = flag && flag->isActive() && !m_model->isRefreshing() && m_comparison->hasRecords()
        && m_comparison->record(DuplicateComparisonTable::First).isLive()
        && m_comparison->record(DuplicateComparisonTable::Second).isLive();
    m_mergeButton->setEnabled(reviewable);
    m_notSameButton->setEnabled(flag && flag->isActive());
    m_keepFirst->setEnabled(reviewable);
    m_keepSecond->setEnabled(reviewable);
    m_undoButton->setEnabled(m_ward && !m_lastMergeId.isEmpty());
}

QString DuplicateReviewPage::mergeCurrent()
{
    const model::Flag* flag = current();
    if (!flag || !m_ward || !m_comparison->hasRecords())
        return {};
    model::MergeOperation::Plan plan = m_comparison->plan();
    plan.note = tr("Merged in duplicate review");
    auto merged = model::MergeOperation(*m_ward).merge(plan);
    if (!merged.ok()) {
        showError(merged.error().message);
        return {};
    }
    m_lastMergeId = merged.value();
    m_info->setText(
        tr("Merged: %1 keeps its ID. You can undo this merge.")
            .arg(model::DuplicateExplanation::reference(m_comparison->record(m_comparison->survivor()))));
    refresh();
    Q_EMIT recordsChanged();
    return m_lastMergeId;
}

bool DuplicateReviewPage::dismissCurrent()
{
    const model::Flag* flag = current();
    if (!flag || !m_ward)
        return false;
    const QString id = flag->id;
    const auto reason = ReasonDialog::ask(this, tr("Not the same person"),
                                          tr("Why are these two records different people (twins, parent and "
                                             "child of the same name…)? Name the documents you checked."));
    if (!reason)
        return false;
    const model::Status status = model::FlagStore(*m_ward).dismiss(id, *reason);
    if (!status.ok()) {
        showError(status.error().message);
        return false;
    }
    m_info->setText(tr("Marked as two different people."));
    refresh();
    return true;
}

bool DuplicateReviewPage::undoLastMerge()
{
    if (!m_ward || m_lastMergeId.isEmpty())
        return false;
    const model::Status status = model::MergeOperation(*m_ward).undo(m_lastMergeId);
    if (!status.ok()) {
        showError(status.error().message);
        return false;
    }
    m_lastMergeId.clear();
    m_info->setText(tr("The merge was undone: both records are back. The next cleaning run lists the pair "
                       "again."));
    refresh();
    Q_EMIT recordsChanged();
    return true;
}

void DuplicateReviewPage::showError(const QString& message)
{
    auto* box = new QMessageBox(QMessageBox::Warning, QStringLiteral("WardRoll"), message,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("duplicateError"));
    box->addButton(tr("Close"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace wardroll::ui
