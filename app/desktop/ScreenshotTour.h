#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

class QWidget;

namespace wardroll::ui {
class MainWindow;
}

// `wardroll --screenshots DIR`: opens the main screens one after the other on the open ward and
// saves each as a PNG (QWidget::grab()), for the README. Runs the cleaning first so that the
// cleaning queue and the duplicate review have something to show. Each step waits for the
// background work it depends on (ward figures, cleaning) through signals, not sleeps.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(wardroll::ui::MainWindow& window, QString directory, QObject* parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    void mainWindow();
    void cleaningPages(bool completed);
    void dialogs();
    // Shows `widget` at `width`×`height` (within 1366×768), saves it as NAME.png, closes it.
    bool save(QWidget* widget, const QString& name);
    void fail(const QString& what);

    wardroll::ui::MainWindow& m_window;
    QString m_directory;
    QTemporaryDir m_work;
    bool m_ok = true;
};
