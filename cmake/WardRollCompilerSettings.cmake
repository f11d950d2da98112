# Compiler settings shared by every WardRoll target, applied through one interface target so
# that no directory-wide flags leak into third-party code.
add_library(wardroll_settings INTERFACE)
add_library(WardRoll::Settings ALIAS wardroll_settings)

target_compile_options(wardroll_settings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(WARDROLL_WERROR)
  target_compile_options(wardroll_settings INTERFACE -Werror)
endif()
target_compile_definitions(wardroll_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_KEYWORDS
  QT_USE_QSTRINGBUILDER
  QT_STRICT_ITERATORS
  QT_NO_URL_CAST_FROM_STRING
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  # The session extension is hidden in sqlite3.h without these two; Debian's library has it.
  SQLITE_ENABLE_SESSION
  SQLITE_ENABLE_PREUPDATE_HOOK)

if(WARDROLL_SANITIZE)
  target_compile_options(wardroll_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(wardroll_settings INTERFACE -fsanitize=address,undefined)
endif()
