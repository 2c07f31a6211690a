#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace mlops {

// Installs the translators for the user-interface language: ours (embedded .qm files) and Qt's own (standard
// dialogs, context menus). Switching at run time replaces them; Qt then sends QEvent::LanguageChange to every
// widget, whose retranslate() picks the new texts up.
class UiLanguage {
    Q_DECLARE_TR_FUNCTIONS(UiLanguage)
public:
    // Language codes with a translation shipped in the application, English first.
    static QStringList available();
    // The language's own name ("English", "Deutsch").
    static QString nativeName(const QString& code);
    // Returns false when no translation for `code` is embedded; English needs none and always succeeds.
    static bool apply(const QString& code);
    static QString current();
};

} // namespace mlops
