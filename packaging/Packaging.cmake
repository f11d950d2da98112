set(CPACK_PACKAGE_NAME "wardroll")
set(CPACK_PACKAGE_VENDOR "WardRoll")
set(CPACK_PACKAGE_CONTACT "WardRoll developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
# The hub's service files are examples for the administrator, not active configuration: they go
# to the documentation folder (Debian policy keeps /etc for files the package owns).
install(FILES ${CMAKE_CURRENT_LIST_DIR}/hub/wardroll-hub.service ${CMAKE_CURRENT_LIST_DIR}/hub/wardroll-hub.default
              ${CMAKE_CURRENT_LIST_DIR}/hub/nginx-wardroll-hub.conf
        DESTINATION share/doc/wardroll/examples/hub)

include(CPack)
