# What `cmake --install` puts where: the executable, and the files by which a Linux desktop
# finds the app (launcher, icons, AppStream metainfo, session MIME type, man page).
include(GNUInstallDirs)

# Reverse-DNS id shared by the launcher, the icon, the metainfo and the MIME package, so
# software centres can tie them together.
set(AX_APP_ID org.activationexplorer.ActivationExplorer)
# Day the version in project() was released; the metainfo's release notes carry it.
set(AX_RELEASE_DATE 2026-11-29)

set(AX_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(AX_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/icons/${AX_APP_ID}.svg)

install(TARGETS activation-explorer RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(FILES ${AX_PACKAGING_DIR}/${AX_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${AX_PACKAGING_DIR}/${AX_APP_ID}.mime.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
    RENAME ${AX_APP_ID}.xml)

configure_file(${AX_PACKAGING_DIR}/${AX_APP_ID}.metainfo.xml.in
    ${PROJECT_BINARY_DIR}/packaging/${AX_APP_ID}.metainfo.xml @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/${AX_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/activation-explorer
    RENAME copyright)

# The SVG is the only drawn icon; the bitmap sizes menus and docks ask for are rendered
# from it so they never drift apart.
find_program(AX_RSVG_CONVERT rsvg-convert REQUIRED)
set(AX_ICON_SIZES 16 22 24 32 48 64 128 256 512)
set(AX_ICON_PNGS)
foreach(size IN LISTS AX_ICON_SIZES)
    set(png ${PROJECT_BINARY_DIR}/icons/${size}x${size}/${AX_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/icons/${size}x${size}
        COMMAND ${AX_RSVG_CONVERT} --width=${size} --height=${size} --keep-aspect-ratio
            --output=${png} ${AX_ICON_SVG}
        DEPENDS ${AX_ICON_SVG}
        COMMENT "Rendering the ${size}x${size} application icon"
        VERBATIM)
    list(APPEND AX_ICON_PNGS ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(app_icons ALL DEPENDS ${AX_ICON_PNGS})
install(FILES ${AX_ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# The man page is written from the program's own --help and --version, so it cannot
# describe options the program does not have.
find_program(AX_HELP2MAN help2man REQUIRED)
set(AX_MAN_PAGE ${PROJECT_BINARY_DIR}/docs/activation-explorer.1)
set(AX_MAN_EXTRA ${PROJECT_BINARY_DIR}/docs/activation-explorer.h2m)
configure_file(${AX_PACKAGING_DIR}/activation-explorer.h2m.in ${AX_MAN_EXTRA} @ONLY)
add_custom_command(OUTPUT ${AX_MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/docs
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0
        ${AX_HELP2MAN} --no-info --section=1
            "--name=${PROJECT_DESCRIPTION}"
            --include=${AX_MAN_EXTRA}
            --output=${AX_MAN_PAGE}
            $<TARGET_FILE:activation-explorer>
    DEPENDS activation-explorer ${AX_MAN_EXTRA}
    COMMENT "Writing the man page from activation-explorer --help"
    VERBATIM)
add_custom_target(man_page ALL DEPENDS ${AX_MAN_PAGE})
install(FILES ${AX_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The installed program links only system libraries, so it needs no search path of its own
# (Qt's project setup would otherwise add $ORIGIN/../lib).
set_target_properties(activation-explorer PROPERTIES INSTALL_RPATH "")
