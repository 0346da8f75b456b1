# pith.pc, written so that it finds the prefix from where it lies
# (pkg-config's ${pcfiledir}): the prefix given at configure time is not
# the one of "cmake --install --prefix DIR", of DESTDIR, or of a tree
# moved after installing.  An absolute CMAKE_INSTALL_LIBDIR or
# CMAKE_INSTALL_INCLUDEDIR is taken as it is.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(PITH_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(PITH_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  # One ".." for pkgconfig/, one for each folder of the libdir
  # (lib/x86_64-linux-gnu on Debian takes two).
  set(PITH_PC_PREFIX "\${pcfiledir}/..")
  string(REGEX MATCHALL "[^/]+" pith_pc_parts "${CMAKE_INSTALL_LIBDIR}")
  foreach(part IN LISTS pith_pc_parts)
    string(APPEND PITH_PC_PREFIX "/..")
  endforeach()
  set(PITH_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(PITH_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(PITH_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
# dlsym (the assertion guard of src/dom/dom.c) is in libdl before glibc
# 2.34.
set(PITH_PC_LIBS_PRIVATE "-lm")
foreach(lib IN LISTS CMAKE_DL_LIBS)
  string(APPEND PITH_PC_LIBS_PRIVATE " -l${lib}")
endforeach()

configure_file(${PROJECT_SOURCE_DIR}/pith.pc.in
  ${PROJECT_BINARY_DIR}/pith.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pith.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
