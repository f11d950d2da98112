#include "CleaningQueuePage.h"

#include "CleaningRunner.h"
#include "FlagChoicesLoader.h"
#include "FlagStore.h"
#include "FlagTableModel.h"
#include "OfficerRoles.h"
#include "ReasonDialog.h"
#include "RecordFields.h"
#include "RuleLabels.h"
#include "WardDatabase.h"

#include <algorithm>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wardroll::ui {

using model::FlagState;
using model::Resolution;

CleaningQueuePage::CleaningQueuePage(QWidget* parent)
    : QWidget(parent)
{
    m_runner = new CleaningRunner(this);
    connect(m_runner, &CleaningRunner::finished, this, &CleaningQueuePage::cleaningDone);
    m_choicesLoader = new FlagChoicesLoader(this);
    connect(m_choicesLoader, &FlagChoicesLoader::loaded, this, &CleaningQueuePage::choicesLoaded);
    createWidgets();
    retranslateUi();
    updateActions();
}

CleaningQueuePage::~CleaningQueuePage()
{
    // The runner waits for its worker; the model reads through the ward: both go first.
    delete m_runner;
    m_runner = nullptr;
    m_table->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
}

void CleaningQueuePage::createWidgets()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* filters = new QHBoxLayout;
    auto addFilter = [&](QLabel*& label, QComboBox*& combo, const char* name, int stretch) {
        label = new QLabel(this);
        combo = new QComboBox(this);
        combo->setObjectName(QLatin1String(name));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        label->setBuddy(combo);
        filters->addWidget(label);
        filters->addWidget(combo, stretch);
        connect(combo, &QComboBox::activated, this, &CleaningQueuePage::applyFilters);
    };
    addFilter(m_ruleLabel, m_rule, "ruleFilter", 3);
    addFilter(m_severityLabel, m_severity, "severityFilter", 1);
    addFilter(m_stateLabel, m_state, "stateFilter", 2);
    addFilter(m_villageLabel, m_village, "villageFilter", 2);
    m_runButton = new QPushButton(this);
    m_runButton->setObjectName(QStringLiteral("runCleaningButton"));
    connect(m_runButton, &QPushButton::clicked, this, &CleaningQueuePage::runCleaning);
    filters->addWidget(m_runButton);
    layout->addLayout(filters);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* listPane = new QWidget(splitter);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_count = new QLabel(listPane);
    m_count->setObjectName(QStringLiteral("flagCount"));
    m_table = new QTableView(listPane);
    m_table->setObjectName(QStringLiteral("flagTable"));
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    listLayout->addWidget(m_count);
    listLayout->addWidget(m_table, 1);

    auto* detailPane = new QWidget(splitter);
    auto* detail = new QVBoxLayout(detailPane);
    detail->setContentsMargins(0, 0, 0, 0);
    m_explanation = new QLabel(detailPane);
    m_explanation->setObjectName(QStringLiteral("flagExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail->addWidget(m_explanation);

    auto* buttons = new QGridLayout;
    auto button
        = [&](QPushButton*& b, const char* name, void (CleaningQueuePage::*slot)(), int row, int column) {
              b = new QPushButton(detailPane);
              b->setObjectName(QLatin1String(name));
              connect(b, &QPushButton::clicked, this, slot);
              buttons->addWidget(b, row, column);
          };
    button(m_verifyButton, "verifyButton", &CleaningQueuePage::startVerification, 0, 0);
    button(m_correctedButton, "correctedButton", &CleaningQueuePage::markCorrected, 0, 1);
    button(m_escalateButton, "escalateButton", &CleaningQueuePage::escalate, 1, 0);
    button(m_dismissButton, "dismissButton", &CleaningQueuePage::dismissFlag, 1, 1);
    button(m_reopenButton, "reopenButton", &CleaningQueuePage::reopenFlag, 2, 0);
    detail->addLayout(buttons);

    m_historyLabel = new QLabel(detailPane);
    m_history = new QTableWidget(0, 4, detailPane);
    m_history->setObjectName(QStringLiteral("flagHistory"));
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_historyLabel->setBuddy(m_history);
    detail->addWidget(m_historyLabel);
    detail->addWidget(m_history, 1);
    m_runInfo = new QLabel(detailPane);
    m_runInfo->setObjectName(QStringLiteral("runInfo"));
    m_runInfo->setWordWrap(true);
    detail->addWidget(m_runInfo);

    splitter->addWidget(listPane);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({760, 420}); // fits 1366×768
    layout->addWidget(splitter, 1);

    setTabOrder(m_rule, m_severity);
    setTabOrder(m_severity, m_state);
    setTabOrder(m_state, m_village);
    setTabOrder(m_village, m_runButton);
    setTabOrder(m_runButton, m_table);
    setTabOrder(m_table, m_verifyButton);
    setTabOrder(m_verifyButton, m_correctedButton);
    setTabOrder(m_correctedButton, m_escalateButton);
    setTabOrder(m_escalateButton, m_dismissButton);
    setTabOrder(m_dismissButton, m_reopenButton);
    setTabOrder(m_reopenButton, m_history);
}

void CleaningQueuePage::retranslateUi()
{
    m_ruleLabel->setText(tr("R&ule:"));
    m_severityLabel->setText(tr("Se&verity:"));
    m_stateLabel->setText(tr("S&tate:"));
    m_villageLabel->setText(tr("Villa&ge:"));
    m_runButton->setText(tr("&Run cleaning"));
    m_historyLabel->setText(tr("&History:"));
    m_history->setHorizontalHeaderLabels({tr("When"), tr("Officer"), tr("Step"), tr("Note")});
    m_verifyButton->setText(tr("Start &verification"));
    m_escalateButton->setText(tr("&Escalate to the chief"));
    m_dismissButton->setText(tr("&Dismiss…"));
    fillFilters();
    if (m_model)
        m_model->retranslate();
    showCurrent();
}

void CleaningQueuePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CleaningQueuePage::setWard(model::WardDatabase* ward)
{
    m_table->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_ward = ward;
    m_ruleChoices.clear();
    m_villageChoices.clear();
    if (m_ward) {
        m_model = new FlagTableModel(*m_ward, this);
        m_model->setPageSize(200);
        connect(m_model, &FlagTableModel::errorOccurred, this, &CleaningQueuePage::showError,
                Qt::QueuedConnection);
        m_table->setModel(m_model);
        m_table->setColumnHidden(FlagTableModel::ScoreColumn, true);
        QHeaderView* header = m_table->horizontalHeader();
        const QFontMetrics metrics = m_table->fontMetrics();
        header->resizeSection(FlagTableModel::SeverityColumn,
                              metrics.horizontalAdvance(QStringLiteral("Cảnh báo__")));
        header->resizeSection(FlagTableModel::RuleColumn,
                              metrics.horizontalAdvance(QStringLiteral("Số định danh không khớp năm sinh")));
        header->resizeSection(FlagTableModel::RecordColumn,
                              metrics.horizontalAdvance(QStringLiteral("S000000 ↔ S000000")));
        header->resizeSection(FlagTableModel::StateColumn,
                              metrics.horizontalAdvance(QStringLiteral("đang xác minh__")));
        header->setStretchLastSection(true);
        connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &CleaningQueuePage::showCurrent);
        connect(m_model, &QAbstractItemModel::modelReset, this, &CleaningQueuePage::showCurrent);
        connect(m_model, &FlagTableModel::refreshed, this, &CleaningQueuePage::selectFirstAndCount);
    }
    refresh();
}

void CleaningQueuePage::fillFilters()
{
    auto keep = [](QComboBox* combo) {
        return combo->currentData();
    };
    const QVariant rule = keep(m_rule);
    const QVariant severity = keep(m_severity);
    const QVariant state = keep(m_state);
    const QVariant village = keep(m_village);
    for (QComboBox* combo : {m_rule, m_severity, m_state, m_village})
        combo->clear();

    m_rule->addItem(tr("All rules"));
    m_severity->addItem(tr("All"));
    for (model::Severity s : {model::Severity::Error, model::Severity::Warning, model::Severity::Info})
        m_severity->addItem(model::severityLabel(s), model::severityCode(s));
    const std::pair<StateFilter, QString> states[] = {
        {StateFilter::Active, tr("To review (open, in verification)")},
        {StateFilter::Open, model::flagStateLabel(FlagState::Open)},
        {StateFilter::InVerification, model::flagStateLabel(FlagState::InVerification)},
        {StateFilter::AwaitingChief, tr("Waiting for the commune police chief")},
        {StateFilter::Resolved, model::flagStateLabel(FlagState::Resolved)},
        {StateFilter::Dismissed, model::flagStateLabel(FlagState::Dismissed)},
        {StateFilter::Closed, model::flagStateLabel(FlagState::Closed)},
        {StateFilter::All, tr("All states")},
    };
    for (const auto& [filter, text] : states)
        m_state->addItem(text, static_cast<int>(filter));
    m_village->addItem(tr("All villages"));

    // Choices are the rules and villages that have flags at all, in any state.
    QList<std::pair<QString, QString>> rules;
    for (const QString& code : std::as_const(m_ruleChoices))
        rules.append({RuleLabels::label(code), code});
    std::sort(rules.begin(), rules.end());
    for (const auto& [label, code] : rules)
        m_rule->addItem(label, code);
    for (const QString& village : std::as_const(m_villageChoices))
        m_village->addItem(village.isEmpty() ? tr("(no village)") : village, village);
    auto restore = [](QComboBox* combo, const QVariant& data) {
        const int index = data.isValid() ? combo->findData(data) : 0;
        combo->setCurrentIndex(std::max(index, 0));
    };
    restore(m_rule, rule);
    restore(m_severity, severity);
    restore(m_state, state);
    restore(m_village, village);
}

void CleaningQueuePage::refresh()
{
    fillFilters();
    applyFilters();
    if (m_ward)
        m_choicesLoader->load(m_ward->path());
}

void CleaningQueuePage::choicesLoaded(const QStringList& rules, const QStringList& villages)
{
    if (!m_ward)
        return;
    m_ruleChoices = rules;
    m_villageChoices = villages;
    const QVariant rule = m_rule->currentData();
    const QVariant village = m_village->currentData();
    fillFilters();
    // A chosen rule or village without flags any more is no longer offered: list them all.
    if (m_rule->currentData() != rule || m_village->currentData() != village)
        applyFilters();
}

void CleaningQueuePage::setStateFilter(StateFilter filter)
{
    m_state->setCurrentIndex(std::max(0, m_state->findData(static_cast<int>(filter))));
    applyFilters();
}

CleaningQueuePage::StateFilter CleaningQueuePage::stateFilter() const
{
    return static_cast<StateFilter>(m_state->currentData().toInt());
}

void CleaningQueuePage::applyFilters()
{
    if (!m_model) {
        updateCount();
        updateActions();
        return;
    }
    model::FlagQuery query;
    if (m_rule->currentData().isValid())
        query.rules = {m_rule->currentData().toString()};
    if (m_severity->currentData().isValid())
        query.severities = {
            model::severityFromCode(m_severity->currentData().toString()).value_or(model::Severity::Error)};
    switch (stateFilter()) {
    case StateFilter::Active:
        break; // the query's default
    case StateFilter::Open:
        query.states = {FlagState::Open};
        break;
    case StateFilter::InVerification:
        query.states = {FlagState::InVerification};
        break;
    case StateFilter::AwaitingChief:
        query.states = {FlagState::Resolved};
        query.resolutions = {Resolution::Escalated};
        break;
    case StateFilter::Resolved:
        query.states = {FlagState::Resolved};
        break;
    case StateFilter::Dismissed:
        query.states = {FlagState::Dismissed};
        break;
    case StateFilter::Closed:
        query.states = {FlagState::Closed};
        break;
    case StateFilter::All:
        query.states.clear();
        break;
    }
    if (m_village->currentData().isValid())
        query.village = m_village->currentData().toString();
    m_model->setQuery(query);
    selectFirstAndCount();
}

void CleaningQueuePage::selectFirstAndCount()
{
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    updateCount();
}

void CleaningQueuePage::updateCount()
{
    if (!m_ward || !m_model) {
        m_count->clear();
        return;
    }
    auto count = m_model->countedFlags() >= 0 ? model::Result<qint64>(m_model->countedFlags())
                                              : model::FlagStore(*m_ward).count(m_model->query());
    m_count->setText(count.ok() ? tr("%Ln flag(s)", nullptr, static_cast<int>(count.value())) : QString());
}

bool CleaningQueuePage::selectFlag(const QString& flagId)
{
    if (!m_model)
        return false;
    const int row = m_model->fetchRowOf(flagId);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

const model::Flag* CleaningQueuePage::current() const
{
    return m_model ? m_model->flagAt(m_table->currentIndex()) : nullptr;
}

QString CleaningQueuePage::currentFlagId() const
{
    const model::Flag* flag = current();
    return flag ? flag->id : QString();
}

bool CleaningQueuePage::isChief() const
{
    return m_ward
        && model::OfficerRoles(*m_ward).currentRole().valueOr(model::OfficerRole::Officer)
        == model::OfficerRole::Chief;
}

void CleaningQueuePage::showCurrent()
{
    m_history->setRowCount(0);
    const model::Flag* flag = current();
    if (!flag || !m_ward) {
        m_explanation->setText(m_model && m_model->rowCount() == 0 ? tr("No flags to show.") : QString());
        updateActions();
        return;
    }
    const model::Finding& f = flag->finding;
    QString html = QStringLiteral("<p><b>%1</b> · %2</p><p>%3</p>")
                       .arg(RuleLabels::label(f.rule).toHtmlEscaped(),
                            model::severityLabel(f.severity).toHtmlEscaped(), f.message.toHtmlEscaped());
    if (!f.fields.isEmpty())
        html += tr("<p>Fields: %1</p>").arg(model::RecordFields::labels(f.fields).toHtmlEscaped());
    if (!f.suggestedField.isEmpty())
        html += tr("<p>Suggested %1: <b>%2</b></p>")
                    .arg(model::RecordFields::label(f.suggestedField).toHtmlEscaped(),
                         f.suggestedValue.toHtmlEscaped());
    QString state = model::flagStateLabel(flag->state);
    if (flag->state == FlagState::Resolved)
        state += QStringLiteral(" (") + model::resolutionLabel(flag->resolution) + QLatin1Char(')');
    html += tr("<p>State: %1</p>").arg(state.toHtmlEscaped());
    if (!flag->reason.isEmpty())
        html += tr("<p>Reason: %1</p>").arg(flag->reason.toHtmlEscaped());
    m_explanation->setText(html);

    auto events = model::FlagStore(*m_ward).history(flag->id);
    if (events.ok()) {
        const QLocale locale;
        m_history->setRowCount(static_cast<int>(events->size()));
        for (int row = 0; row < events->size(); ++row) {
            const model::FlagEvent& e = events->at(row);
            QString step = e.from ? model::flagStateLabel(*e.from) + QStringLiteral(" → ") : QString();
            step += model::flagStateLabel(e.to);
            if (e.resolution != Resolution::None)
                step += QStringLiteral(" (") + model::resolutionLabel(e.resolution) + QLatin1Char(')');
            const QString when
                = locale.toString(QDateTime::fromMSecsSinceEpoch(e.at).toLocalTime(), QLocale::ShortFormat);
            m_history->setItem(row, 0, new QTableWidgetItem(when));
            m_history->setItem(row, 1, new QTableWidgetItem(e.officer));
            m_history->setItem(row, 2, new QTableWidgetItem(step));
            m_history->setItem(row, 3, new QTableWidgetItem(e.note));
        }
        m_history->resizeColumnsToContents();
    }
    updateActions();
}

void CleaningQueuePage::updateActions()
{
    const model::Flag* flag = current();
    m_runButton->setEnabled(m_ward && !m_runner->isRunning());
    // While the list re-reads after a run, its rows may be flags the run has just closed.
    const bool idle = m_ward && !m_runner->isRunning() && !(m_model && m_model->isRefreshing());
    const FlagState state = flag ? flag->state : FlagState::Closed;
    const bool escalated = flag && state == FlagState::Resolved && flag->resolution == Resolution::Escalated;
    const bool chief = escalated && isChief();
    m_verifyButton->setEnabled(idle && flag && state == FlagState::Open);
    m_correctedButton->setEnabled(idle && flag && (state == FlagState::InVerification || chief));
    m_escalateButton->setEnabled(idle && flag && state == FlagState::InVerification);
    m_dismissButton->setEnabled(idle && flag && (flag->isActive() || chief));
    m_reopenButton->setEnabled(
        idle && flag
        && (state == FlagState::InVerification
            || (!escalated && (state == FlagState::Resolved || state == FlagState::Dismissed)) || chief));
    m_correctedButton->setText(chief ? tr("&Approve correction") : tr("Mark &corrected"));
    m_reopenButton->setText(chief                                    ? tr("Send &back for verification")
                                : state == FlagState::InVerification ? tr("Back to &open")
                                                                     : tr("Re&open"));
}

void CleaningQueuePage::move(FlagState to, Resolution resolution, const QString& note)
{
    const model::Flag* flag = current();
    if (!flag || !m_ward)
        return;
    const QString id = flag->id;
    const int row = m_table->currentIndex().row();
    const model::Status status = model::FlagStore(*m_ward).transition(id, to, resolution, note);
    if (!status.ok()) {
        showError(status.error().message);
        return;
    }
    m_model->refreshRow(row);
    updateCount();
    showCurrent();
    Q_EMIT flagChanged(id);
}

void CleaningQueuePage::startVerification()
{
    move(FlagState::InVerification, Resolution::None, {});
}

void CleaningQueuePage::markCorrected()
{
    move(FlagState::Resolved, Resolution::Corrected, {});
}

void CleaningQueuePage::escalate()
{
    move(FlagState::Resolved, Resolution::Escalated, {});
}

void CleaningQueuePage::dismissFlag()
{
    if (!current())
        return;
    const auto reason = ReasonDialog::ask(this, tr("Dismiss the flag"),
                                          tr("Why is this flag not a mistake? Name the document you checked "
                                             "(birth certificate, household book, ID card…)."));
    if (reason)
        move(FlagState::Dismissed, Resolution::None, *reason);
}

void CleaningQueuePage::reopenFlag()
{
    move(FlagState::Open, Resolution::None, {});
}

void CleaningQueuePage::runCleaning()
{
    if (!m_ward || m_runner->isRunning())
        return;
    if (!m_progress) {
        m_progress = new QProgressDialog(this);
        m_progress->setObjectName(QStringLiteral("cleaningProgress"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        m_progress->setMinimumDuration(0);
        m_progress->setRange(0, 1000);
        connect(m_runner, &CleaningRunner::progressChanged, m_progress, &QProgressDialog::setValue);
        connect(m_progress, &QProgressDialog::canceled, m_runner, &CleaningRunner::cancel);
    }
    m_progress->setWindowTitle(tr("Cleaning"));
    m_progress->setLabelText(tr("Checking every record and looking for duplicates…"));
    m_progress->setCancelButtonText(tr("Cancel"));
    m_progress->setValue(0);
    m_runInfo->clear();
    m_runner->start(m_ward->path(), m_ward->officer());
    updateActions();
    m_progress->show();
}

void CleaningQueuePage::cleaningDone()
{
    if (m_progress) {
        m_progress->reset();
        m_progress->hide();
    }
    const CleaningRunner::Outcome& outcome = m_runner->lastOutcome();
    if (outcome.completed) {
        const model::CleaningRun::Summary& s = outcome.summary;
        m_runInfo->setText(tr("Cleaning done: %1 records checked, %2 findings (%3 new, %4 closed).")
                               .arg(QLocale().toString(s.residents), QLocale().toString(s.findings),
                                    QLocale().toString(s.flags.created), QLocale().toString(s.flags.closed)));
    } else if (outcome.cancelled) {
        m_runInfo->setText(tr("Cleaning cancelled: the flags are as they were."));
    } else {
        m_runInfo->setText(tr("Cleaning failed: the flags are as they were."));
        showError(outcome.error);
    }
    // Every flag may have changed and the connection's cache is cold: the list re-reads in the
    // background (on the UI thread it froze the window for ~100 ms), the filter choices too.
    if (m_model) {
        m_model->refreshInBackground();
        m_choicesLoader->load(m_ward->path());
    }
    updateActions();
    Q_EMIT cleaningFinished(outcome.completed);
}

void CleaningQueuePage::showError(const QString& message)
{
    // Not modal: the officer reads it and goes on; the list stays usable.
    auto* box = new QMessageBox(QMessageBox::Warning, QStringLiteral("WardRoll"), message,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("cleaningError"));
    box->addButton(tr("Close"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace wardroll::ui
