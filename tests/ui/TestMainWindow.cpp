#include "CleaningRun.h"
#include "FlagStore.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ResidentFilterBar.h"
#include "ResidentSearch.h"
#include "ResidentTableModel.h"
#include "SampleWard.h"
#include "TempWard.h"
#include "UnsyncedRows.h"
#include "VietnameseText.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using ui::LanguageManager;
using ui::MainWindow;
using ui::ResidentTableModel;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    test::TempWard m_temp;

    // A second connection to the test ward, for the window to own.
    std::unique_ptr<model::WardDatabase> openWard(const QString& path)
    {
        auto opened = model::WardDatabase::open(path);
        if (!opened.ok())
            qFatal("%s", qPrintable(opened.error().toString()));
        return std::move(opened.value());
    }

    static QAction* actionNamed(QWidget& window, const QString& text)
    {
        for (QAction* action : window.findChildren<QAction*>()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        test::isolateSettings(m_settings.path());
        (void)test::fillSampleWard(m_temp.ward(), 400);
        QVERIFY(m_temp.ward().setMeta(u"ward_name"_qs, u"Phường Ba Đình"_qs).ok());
    }

    void titleNamesTheWard()
    {
        MainWindow window(openWard(m_temp.path()));
        QVERIFY(window.windowTitle().contains(u"WardRoll"_qs));
        QVERIFY(window.windowTitle().contains(u"Phường Ba Đình"_qs));
    }

    void titleFallsBackToTheFileName()
    {
        test::TempWard unnamed;
        MainWindow window(openWard(unnamed.path()));
        QVERIFY(window.windowTitle().contains(u"WardRoll"_qs));
        QVERIFY(window.windowTitle().contains(u"ward.db"_qs));
    }

    void fitsA1366x768Screen()
    {
        MainWindow window(openWard(m_temp.path()));
        QVERIFY(window.minimumSizeHint().width() <= 1366);
        QVERIFY(window.minimumSizeHint().height() <= 768);
        window.show();
        QVERIFY(window.width() <= 1366);
        QVERIFY(window.height() <= 768);
    }

    void statusBarShowsWardFigures()
    {
        MainWindow window(openWard(m_temp.path()));
        auto* figures = window.findChild<QLabel*>(u"wardFigures"_qs);
        QVERIFY(figures);
        model::WardStore store(m_temp.ward());
        const QLocale locale;
        // Counted in the background.
        QTRY_VERIFY2(figures->text().contains(locale.toString(store.countResidents().value())),
                     qPrintable(figures->text()));
        QVERIFY2(figures->text().contains(locale.toString(store.countHouseholds().value())),
                 qPrintable(figures->text()));
        // The residents whose changes the hub does not have yet (none has synced here).
        const qint64 unsynced = model::UnsyncedRows(m_temp.ward().connection()).countResidents().value();
        QVERIFY(unsynced > 0);
        QVERIFY2(
            figures->text().contains(MainWindow::tr("Not yet synced: %1").arg(locale.toString(unsynced))),
            qPrintable(figures->text()));
    }

    void typingInTheSearchBoxFiltersTheTable()
    {
        MainWindow window(openWard(m_temp.path()));
        window.show();
        auto* table = window.findChild<QTableView*>(u"residentTable"_qs);
        auto* search = window.findChild<QLineEdit*>(u"searchField"_qs);
        QVERIFY(table && search);
        QAbstractItemModel* model = table->model();
        const int unfiltered = model->rowCount();
        QVERIFY(unfiltered > 0);

        model::ResidentSearch oracle(m_temp.ward());
        const int expected = static_cast<int>(oracle.search(u"tran thi"_qs, 100000).value().size());
        QVERIFY(expected > 0 && expected < unfiltered);

        QTest::keyClicks(search, u"tran thi"_qs); // keyClicks types ASCII only; search folds accents anyway
        QTRY_COMPARE(model->rowCount(), expected);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString name = model->index(row, ResidentTableModel::NameColumn).data().toString();
            QVERIFY2(model::VietnameseText::foldKey(name).startsWith(u"tran thi"_qs), qPrintable(name));
        }

        search->clear();
        QTRY_COMPARE(model->rowCount(), unfiltered);
    }

    void filtersNarrowTheListInSql()
    {
        test::TempWard temp;
        (void)test::fillSampleWard(temp.ward(), 300, 5);
        model::CleaningRun::Options clean;
        clean.threads = 1;
        QVERIFY(model::CleaningRun(temp.ward()).run(clean).ok());
        MainWindow window(openWard(temp.path()));
        window.show();
        ResidentTableModel* model = window.residentModel();
        auto readAll = [model] {
            while (model->canFetchMore({}))
                model->fetchMore({});
        };
        readAll();
        const int all = model->rowCount();
        QVERIFY(all > 0);
        auto* village = window.findChild<QComboBox*>(u"residentVillageFilter"_qs);
        auto* status = window.findChild<QComboBox*>(u"residentStatusFilter"_qs);
        auto* flags = window.findChild<QComboBox*>(u"residentFlagFilter"_qs);
        auto* sync = window.findChild<QComboBox*>(u"residentSyncFilter"_qs);
        QVERIFY(village && status && flags && sync);
        QVERIFY(village->count() > 2); // "all" and the sample's villages

        // A village: only its residents, and fewer than everyone.
        village->setFocus();
        QTest::keyClick(village, Qt::Key_Down); // the first village, chosen with the keyboard
        const QString chosen = village->currentText();
        QVERIFY(!chosen.isEmpty() && village->currentIndex() == 1);
        readAll();
        QVERIFY2(model->rowCount() > 0 && model->rowCount() < all,
                 qPrintable(QStringLiteral("%1 of %2 in %3: %4")
                                .arg(model->rowCount())
                                .arg(all)
                                .arg(chosen, model->errorString())));
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, ResidentTableModel::VillageColumn).data().toString(), chosen);

        // Open flags: every listed record has one (as subject, pair or household), and every
        // record with one as subject is listed.
        village->setCurrentIndex(0);
        flags->setCurrentIndex(flags->findData(u"*"_qs));
        readAll();
        QSet<QString> listed;
        for (int row = 0; row < model->rowCount(); ++row)
            listed.insert(model->index(row, 0).data(ResidentTableModel::IdRole).toString());
        model::FlagStore store(temp.ward());
        model::FlagQuery open;
        QSet<QString> flagged;
        const QList<model::Flag> openFlags = store.list(open).value(); // not a range-for temporary
        for (const model::Flag& f : openFlags) {
            if (!f.finding.residentId.isEmpty())
                flagged.insert(f.finding.residentId);
        }
        QVERIFY(!flagged.isEmpty());
        QVERIFY(listed.size() <= all);
        for (const QString& id : std::as_const(flagged))
            QVERIFY2(listed.contains(id), qPrintable(id));

        // One rule: a subset of the flagged records.
        const model::Flag first = openFlags.first();
        flags->setCurrentIndex(flags->findData(first.finding.rule));
        readAll();
        QVERIFY(model->rowCount() > 0 && model->rowCount() <= listed.size());

        // Not yet synced: the sample never reached a hub, so every record.
        flags->setCurrentIndex(0);
        sync->setCurrentIndex(sync->findData(u"unsynced"_qs));
        QCOMPARE(sync->currentIndex(), 2);
        readAll();
        QCOMPARE(model->rowCount(), all);

        // Status and sync narrow further; no record of the sample is deceased with a conflict.
        sync->setCurrentIndex(1);
        QCOMPARE(model->rowCount(), 0);
        window.filterBar()->clear();
        readAll();
        QCOMPARE(model->rowCount(), all);
        status->setCurrentIndex(1); // living
        QVERIFY(model->rowCount() > 0);
    }

    void windowStateIsRemembered()
    {
        {
            MainWindow window(openWard(m_temp.path()));
            window.show();
            window.resize(1000, 600);
            window.findChild<QTableView*>(u"residentTable"_qs)
                ->horizontalHeader()
                ->setSortIndicator(ResidentTableModel::BirthDateColumn, Qt::DescendingOrder);
            window.close();
        }
        MainWindow again(openWard(m_temp.path()));
        QCOMPARE(again.size(), QSize(1000, 600));
        QCOMPARE(again.residentModel()->sortColumn(), int(ResidentTableModel::BirthDateColumn));
        QCOMPARE(again.residentModel()->sortOrder(), Qt::DescendingOrder);
    }

    void householdColumnKeepsTheRealSortShown()
    {
        MainWindow window(openWard(m_temp.path()));
        QHeaderView* header = window.findChild<QTableView*>(u"residentTable"_qs)->horizontalHeader();
        header->setSortIndicator(ResidentTableModel::VillageColumn, Qt::DescendingOrder);
        QCOMPARE(window.residentModel()->sortColumn(), int(ResidentTableModel::VillageColumn));
        header->setSortIndicator(ResidentTableModel::HouseholdColumn, Qt::AscendingOrder);
        QCOMPARE(header->sortIndicatorSection(), int(ResidentTableModel::VillageColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    }

    void languageSwitchRetranslatesTheWindow()
    {
        QSettings().remove(u"ui/language"_qs);
        QCOMPARE(LanguageManager::savedLanguage(), LanguageManager::Language::Vietnamese); // the default
        LanguageManager languages;
        languages.setLanguage(LanguageManager::savedLanguage(), false);
        MainWindow window(openWard(m_temp.path()), &languages);
        window.show();
        auto* label = window.findChild<QLabel*>(u"searchLabel"_qs);
        auto* search = window.findChild<QLineEdit*>(u"searchField"_qs);
        QVERIFY(label && search);
        const ResidentTableModel* model = window.residentModel();
        QCOMPARE(label->text(), u"Tìm &kiếm:"_qs);
        QCOMPARE(model->headerData(ResidentTableModel::PersonalIdColumn, Qt::Horizontal).toString(),
                 u"Số định danh cá nhân"_qs);

        QAction* english = actionNamed(window, u"English"_qs);
        QVERIFY(english && english->isEnabled());
        english->trigger();
        QTRY_COMPARE(label->text(), u"&Search:"_qs);
        QCOMPARE(search->placeholderText(), u"Search by name, personal ID, year of birth…"_qs);
        QCOMPARE(model->headerData(ResidentTableModel::PersonalIdColumn, Qt::Horizontal).toString(),
                 u"Personal ID"_qs);
        QCOMPARE(QSettings().value(u"ui/language"_qs).toString(), u"en"_qs);
        QCOMPARE(LanguageManager::savedLanguage(), LanguageManager::Language::English);

        QAction* vietnamese = actionNamed(window, u"Tiếng Việt"_qs);
        QVERIFY(vietnamese);
        vietnamese->trigger();
        QTRY_COMPARE(label->text(), u"Tìm &kiếm:"_qs);
        QCOMPARE(LanguageManager::savedLanguage(), LanguageManager::Language::Vietnamese);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
