#include "ImportWizard.h"

#include "BackgroundPool.h"
#include "CsvReader.h"
#include "WardDatabase.h"

#include <QBuffer>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QVBoxLayout>

namespace wardroll::ui {

using model::CsvFieldMap;
using model::LegacyVietnameseEncoding;
using Field = CsvFieldMap::Field;

namespace {

constexpr qsizetype sampleBytes = 64 * 1024;
constexpr int previewLines = 40;

QString fieldLabel(Field field)
{
    static const char* const labels[CsvFieldMap::fieldCount] = {
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Source reference"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Full name"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Other names"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Date of birth"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Sex"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Personal ID"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Old ID card number"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Place of birth"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Place of birth registration"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Hometown"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Ethnicity"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Religion"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Nationality"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Marital status"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Permanent residence"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Temporary residence"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Current residence"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Village"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Household number"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Relationship to household head"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Father's name"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Father's personal ID"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Mother's name"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Mother's personal ID"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Spouse's name"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Spouse's personal ID"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Phone"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "E-mail"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Status"),
        QT_TRANSLATE_NOOP("wardroll::ui::ImportWizard", "Date of death"),
    };
    return QCoreApplication::translate("wardroll::ui::ImportWizard", labels[static_cast<int>(field)]);
}

// A page whose fields the wizard registers itself (registerField is protected in QWizardPage).
class Page : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    using QWizardPage::registerField;
};

// The header and first row of a decoded sample.
void readHeader(const QString& text, QStringList* header, QStringList* firstRow)
{
    QByteArray utf8 = text.toUtf8();
    QBuffer buffer(&utf8);
    buffer.open(QIODevice::ReadOnly);
    model::CsvReader reader(buffer);
    header->clear();
    firstRow->clear();
    if (reader.readNext().valueOr(false))
        *header = reader.fields();
    if (reader.readNext().valueOr(false))
        *firstRow = reader.fields();
}

} // namespace

ImportWizard::ImportWizard(model::WardDatabase& ward, QWidget* parent)
    : QWizard(parent)
    , m_ward(ward)
{
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    createPages();
    retranslateUi();
    resize(900, 600); // fits 1366×768
}

ImportWizard::~ImportWizard()
{
    m_cancel = true;
    m_future.waitForFinished();
}

void ImportWizard::createPages()
{
    auto* filePage = new Page(this);
    auto* fileLayout = new QHBoxLayout(filePage);
    auto* fileLabel = new QLabel(filePage);
    m_file = new QLineEdit(filePage);
    m_file->setObjectName(QStringLiteral("importFile"));
    fileLabel->setBuddy(m_file);
    m_browse = new QPushButton(filePage);
    fileLayout->addWidget(fileLabel);
    fileLayout->addWidget(m_file, 1);
    fileLayout->addWidget(m_browse);
    filePage->registerField(QStringLiteral("file*"), m_file);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a CSV file"), m_file->text(),
                                                          tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            m_file->setText(path);
    });
    fileLabel->setObjectName(QStringLiteral("fileLabel"));
    setPage(FilePage, filePage);

    auto* encodingPage = new Page(this);
    auto* encodingLayout = new QVBoxLayout(encodingPage);
    auto* encodingRow = new QFormLayout;
    m_encoding = new QComboBox(encodingPage);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    for (auto encoding : LegacyVietnameseEncoding::all)
        m_encoding->addItem(LegacyVietnameseEncoding::name(encoding), static_cast<int>(encoding));
    encodingRow->addRow(QString(), m_encoding);
    m_detected = new QLabel(encodingPage);
    m_detected->setWordWrap(true);
    m_preview = new QPlainTextEdit(encodingPage);
    m_preview->setObjectName(QStringLiteral("encodingPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    encodingLayout->addLayout(encodingRow);
    encodingLayout->addWidget(m_detected);
    encodingLayout->addWidget(m_preview, 1);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportWizard::updatePreview);
    setPage(EncodingPage, encodingPage);

    auto* mappingPage = new Page(this);
    auto* mappingLayout = new QVBoxLayout(mappingPage);
    m_mapping = new QTableWidget(0, 3, mappingPage);
    m_mapping->setObjectName(QStringLiteral("columnMapping"));
    m_mapping->verticalHeader()->hide();
    m_mapping->horizontalHeader()->setStretchLastSection(true);
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mappingLayout->addWidget(m_mapping);
    setPage(MappingPage, mappingPage);

    auto* dryRunPage = new Page(this);
    auto* dryRunLayout = new QVBoxLayout(dryRunPage);
    m_dryRunSummary = new QLabel(dryRunPage);
    m_dryRunSummary->setObjectName(QStringLiteral("dryRunSummary"));
    m_dryRunSummary->setWordWrap(true);
    m_rejected = new QTableWidget(0, 2, dryRunPage);
    m_rejected->setObjectName(QStringLiteral("rejectedRows"));
    m_rejected->verticalHeader()->hide();
    m_rejected->horizontalHeader()->setStretchLastSection(true);
    m_rejected->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_dryRunDone = new QLineEdit(dryRunPage);
    m_dryRunDone->hide();
    dryRunPage->registerField(QStringLiteral("dryRunDone*"), m_dryRunDone);
    dryRunLayout->addWidget(m_dryRunSummary);
    dryRunLayout->addWidget(m_rejected, 1);
    dryRunLayout->addWidget(m_dryRunDone);
    setPage(DryRunPage, dryRunPage);

    auto* importPage = new Page(this);
    auto* importLayout = new QVBoxLayout(importPage);
    m_importSummary = new QLabel(importPage);
    m_importSummary->setObjectName(QStringLiteral("importSummary"));
    m_importSummary->setWordWrap(true);
    m_progress = new QProgressBar(importPage);
    m_progress->setRange(0, 1000);
    m_cancelImport = new QPushButton(importPage);
    m_cancelImport->setObjectName(QStringLiteral("cancelImport"));
    connect(m_cancelImport, &QPushButton::clicked, this, [this] { m_cancel = true; });
    m_importDone = new QLineEdit(importPage);
    m_importDone->hide();
    importPage->registerField(QStringLiteral("importDone*"), m_importDone);
    importLayout->addWidget(m_importSummary);
    importLayout->addWidget(m_progress);
    importLayout->addWidget(m_cancelImport, 0, Qt::AlignLeft);
    importLayout->addStretch(1);
    importLayout->addWidget(m_importDone);
    importPage->setFinalPage(true);
    setPage(ImportPage, importPage);
}

void ImportWizard::retranslateUi()
{
    setWindowTitle(tr("Import residents from CSV"));
    page(FilePage)->setTitle(tr("File"));
    page(FilePage)->setSubTitle(tr("A CSV file with a header line, e.g. exported from a spreadsheet."));
    findChild<QLabel*>(QStringLiteral("fileLabel"))->setText(tr("&File:"));
    m_browse->setText(tr("&Browse…"));
    page(EncodingPage)->setTitle(tr("Encoding"));
    page(EncodingPage)
        ->setSubTitle(tr("Check that the names read correctly; if not, choose another encoding."));
    page(MappingPage)->setTitle(tr("Columns"));
    page(MappingPage)->setSubTitle(tr("Which column of the file goes into which field."));
    m_mapping->setHorizontalHeaderLabels({tr("Column in the file"), tr("First row"), tr("Field")});
    page(DryRunPage)->setTitle(tr("Check"));
    page(DryRunPage)->setSubTitle(tr("A trial run: nothing is saved yet."));
    m_rejected->setHorizontalHeaderLabels({tr("Line"), tr("Why the row is not imported")});
    page(ImportPage)->setTitle(tr("Import"));
    m_cancelImport->setText(tr("&Stop the import"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
}

void ImportWizard::setFilePath(const QString& path)
{
    m_file->setText(path);
}

LegacyVietnameseEncoding::Encoding ImportWizard::encoding() const
{
    return static_cast<LegacyVietnameseEncoding::Encoding>(m_encoding->currentData().toInt());
}

void ImportWizard::setEncoding(LegacyVietnameseEncoding::Encoding encoding)
{
    m_encoding->setCurrentIndex(m_encoding->findData(static_cast<int>(encoding)));
}

QString ImportWizard::preview() const
{
    return m_preview->toPlainText();
}

void ImportWizard::loadSample()
{
    QFile file(m_file->text());
    m_sample = file.open(QIODevice::ReadOnly) ? file.read(sampleBytes) : QByteArray();
    const auto detection = LegacyVietnameseEncoding::detect(m_sample);
    {
        const QSignalBlocker blocker(m_encoding);
        setEncoding(detection.encoding);
    }
    m_detected->setText(detection.asciiOnly
                            ? tr("The file has no accented letters: every encoding reads it the same.")
                            : tr("Detected: %1.").arg(LegacyVietnameseEncoding::name(detection.encoding)));
    updatePreview();
}

void ImportWizard::updatePreview()
{
    QString text = LegacyVietnameseEncoding::decode(m_sample, encoding());
    QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.size() > previewLines)
        lines.resize(previewLines);
    m_preview->setPlainText(lines.join(QLatin1Char('\n')));
    readHeader(text, &m_header, &m_firstRow);
}

void ImportWizard::fillMapping()
{
    m_mapping->setRowCount(static_cast<int>(m_header.size()));
    for (int row = 0; row < m_header.size(); ++row) {
        m_mapping->setItem(row, 0, new QTableWidgetItem(m_header[row].trimmed()));
        m_mapping->setItem(row, 1, new QTableWidgetItem(m_firstRow.value(row).trimmed()));
        auto* combo = new QComboBox(m_mapping);
        combo->addItem(tr("(not imported)"), -1);
        for (int f = 0; f < CsvFieldMap::fieldCount; ++f)
            combo->addItem(fieldLabel(static_cast<Field>(f)), f);
        const auto matched = CsvFieldMap::fieldForHeader(m_header[row]);
        combo->setCurrentIndex(matched ? combo->findData(static_cast<int>(*matched)) : 0);
        m_mapping->setCellWidget(row, 2, combo);
    }
    m_mapping->resizeColumnsToContents();
}

model::CsvImporter::Options ImportWizard::importOptions() const
{
    model::CsvImporter::Options options;
    QSet<int> chosen;
    for (int row = 0; row < m_mapping->rowCount(); ++row) {
        const auto* combo = qobject_cast<QComboBox*>(m_mapping->cellWidget(row, 2));
        const int field = combo ? combo->currentData().toInt() : -1;
        const auto matched = CsvFieldMap::fieldForHeader(m_header.value(row));
        if (field >= 0) {
            chosen.insert(field);
            if (!matched || static_cast<int>(*matched) != field) {
                // A template naming the column wins over header matching (CsvFieldMap).
                QString column = m_header.value(row).trimmed();
                column.replace(QStringLiteral("{"), QStringLiteral("{{"))
                    .replace(QStringLiteral("}"), QStringLiteral("}}"));
                options.maps << CsvFieldMap::canonicalName(static_cast<Field>(field)) + QStringLiteral("={")
                        + column + QLatin1Char('}');
            }
        }
    }
    for (int row = 0; row < m_header.size(); ++row) {
        const auto matched = CsvFieldMap::fieldForHeader(m_header[row]);
        if (matched && !chosen.contains(static_cast<int>(*matched)))
            options.unmapped << *matched;
    }
    return options;
}

void ImportWizard::initializePage(int id)
{
    switch (id) {
    case EncodingPage:
        loadSample();
        break;
    case MappingPage:
        fillMapping();
        break;
    case DryRunPage:
        m_dryRunDone->clear();
        m_rejected->setRowCount(0);
        m_dryRunSummary->setText(tr("Checking every row…"));
        startWork(true);
        break;
    case ImportPage:
        m_importDone->clear();
        m_progress->setValue(0);
        m_importSummary->setText(tr("Importing… The ward changes only when every row has been read."));
        startWork(false);
        break;
    default:
        break;
    }
    QWizard::initializePage(id);
}

bool ImportWizard::validateCurrentPage()
{
    if (currentId() == FilePage && !QFileInfo(m_file->text()).isFile())
        return false;
    if (currentId() == DryRunPage && (!m_report || m_report->imported == 0))
        return false;
    return QWizard::validateCurrentPage();
}

void ImportWizard::reject()
{
    if (m_working) {
        m_cancel = true;
        m_future.waitForFinished();
    }
    QWizard::reject();
}

void ImportWizard::startWork(bool dryRun)
{
    m_working = true;
    m_cancel = false;
    m_done = 0;
    m_total = -1;
    m_cancelImport->setEnabled(!dryRun);
    model::CsvImporter::Options options = importOptions();
    options.dryRun = dryRun;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    auto* ticker = new QTimer(watcher);
    connect(ticker, &QTimer::timeout, this, [this] {
        const qint64 total = m_total.load();
        if (total > 0)
            m_progress->setValue(static_cast<int>(m_done.load() * 1000 / total));
    });
    ticker->start(100);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, dryRun] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        m_working = false;
        workDone(outcome, dryRun);
    });
    auto future
        = QtConcurrent::run(backgroundPool(), &ImportWizard::runImport, m_ward.path(), m_ward.officer(),
                            m_file->text(), encoding(), options, &m_cancel, &m_done, &m_total);
    m_future = future;
    watcher->setFuture(future);
}

ImportWizard::Outcome ImportWizard::runImport(const QString& wardPath, const QString& officer,
                                              const QString& file,
                                              LegacyVietnameseEncoding::Encoding encoding,
                                              model::CsvImporter::Options options, std::atomic<bool>* cancel,
                                              std::atomic<qint64>* done, std::atomic<qint64>* total)
{
    Outcome outcome;
    model::WardDatabase::Options open;
    open.create = false;
    open.officer = officer;
    auto ward = model::WardDatabase::open(wardPath, open);
    if (!ward.ok()) {
        outcome.error = ward.error();
        return outcome;
    }
    options.progress = [cancel, done, total](qint64 bytesDone, qint64 bytesTotal) {
        done->store(bytesDone);
        total->store(bytesTotal);
        return !cancel->load();
    };
    model::CsvImporter importer(**ward);
    model::Result<model::CsvImporter::Report> report = model::Error{};
    if (encoding == LegacyVietnameseEncoding::Encoding::Utf8) {
        report = importer.importFile(file, options);
    } else {
        // Old spreadsheets are small: converted in memory, then read as UTF-8.
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly)) {
            outcome.error = model::Error{
                model::Error::Kind::Io, tr("The file “%1” could not be opened.").arg(file), in.errorString()};
            return outcome;
        }
        QByteArray utf8 = LegacyVietnameseEncoding::decode(in.readAll(), encoding).toUtf8();
        QBuffer buffer(&utf8);
        buffer.open(QIODevice::ReadOnly);
        report = importer.importDevice(buffer, options);
    }
    if (!report.ok()) {
        outcome.error = report.error();
        outcome.cancelled = report.error().kind == model::Error::Kind::Cancelled || cancel->load();
        return outcome;
    }
    outcome.report = report.value();
    return outcome;
}

void ImportWizard::workDone(const Outcome& outcome, bool dryRun)
{
    if (dryRun) {
        m_report = outcome.report;
        if (!outcome.report) {
            m_dryRunSummary->setText(tr("The file cannot be imported: %1").arg(outcome.error.toString()));
            Q_EMIT dryRunFinished();
            return;
        }
        const auto& report = *outcome.report;
        m_dryRunSummary->setText(
            tr("%1 of %2 rows can be imported; %3 would be rejected (listed below). Press Next to import.")
                .arg(report.imported)
                .arg(report.rowsRead)
                .arg(report.rejected.size()));
        m_rejected->setRowCount(static_cast<int>(report.rejected.size()));
        for (int row = 0; row < report.rejected.size(); ++row) {
            m_rejected->setItem(row, 0, new QTableWidgetItem(QString::number(report.rejected[row].line)));
            m_rejected->setItem(row, 1, new QTableWidgetItem(report.rejected[row].reason));
        }
        m_rejected->resizeColumnToContents(0);
        m_dryRunDone->setText(QStringLiteral("done"));
        Q_EMIT dryRunFinished();
        return;
    }
    m_cancelImport->setEnabled(false);
    if (!outcome.report) {
        m_importSummary->setText(
            outcome.cancelled
                ? tr("The import was stopped. Nothing was saved: the ward is as it was.")
                : tr("The import failed and nothing was saved: %1").arg(outcome.error.toString()));
        m_importDone->setText(QStringLiteral("failed"));
        Q_EMIT importFinished(false);
        return;
    }
    m_report = outcome.report;
    m_imported = true;
    m_progress->setValue(m_progress->maximum());
    m_importSummary->setText(tr("Imported %1 residents (%2 households created); %3 rows rejected.")
                                 .arg(outcome.report->imported)
                                 .arg(outcome.report->householdsCreated)
                                 .arg(outcome.report->rejected.size()));
    m_importDone->setText(QStringLiteral("done"));
    Q_EMIT importFinished(true);
}

} // namespace wardroll::ui
