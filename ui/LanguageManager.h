#pragma once

#include <memory>
#include <QObject>

class QTranslator;

namespace wardroll::ui {

// Installs the interface language at startup and switches it at run time. Vietnamese is the
// default; an officer's choice from the Language menu is remembered in QSettings ("ui/language")
// and wins from then on. The system locale is not consulted: the app is for Vietnamese offices,
// whatever the machine was set up with. Widgets retranslate on QEvent::LanguageChange, which
// QCoreApplication sends when the translators change.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    enum class Language { Vietnamese, English };

    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    // The remembered choice, else Vietnamese.
    [[nodiscard]] static Language savedLanguage();
    // "vi" / "en"; also the suffix of the .qm files.
    [[nodiscard]] static QString code(Language language);
    // The language's own name ("Tiếng Việt", "English"), the same in every interface language.
    [[nodiscard]] static QString nativeName(Language language);

    // Installs the translators for `language` (replacing the previous ones) and sets the default
    // QLocale to match. `remember` stores the choice in QSettings.
    void setLanguage(Language language, bool remember = true);
    [[nodiscard]] Language language() const { return m_language; }

Q_SIGNALS:
    void languageChanged(wardroll::ui::LanguageManager::Language language);

private:
    void removeTranslators();
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
    Language m_language = Language::Vietnamese;
};

} // namespace wardroll::ui
