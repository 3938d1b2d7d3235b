# The .deb's dependencies are the library packages of the release that builds it (dpkg-shlibdeps): a package
# built on Debian 12 needs libtorch1.13, one built on Debian 13 libtorch2.6. The release goes into the
# version (0.1.0+deb12, 0.1.0+deb13; Ubuntu: +ubuntu24.04) so the two are never mixed up.
set(I2V_DEB_VERSION ${PROJECT_VERSION})
if(EXISTS /etc/os-release)
  file(STRINGS /etc/os-release _os_id REGEX "^ID=")
  file(STRINGS /etc/os-release _os_version REGEX "^VERSION_ID=")
  string(REGEX REPLACE "^ID=\"?([a-z]+)\"?$" "\\1" _os_id "${_os_id}")
  string(REGEX REPLACE "^VERSION_ID=\"?([0-9.]+)\"?$" "\\1" _os_version "${_os_version}")
  if(_os_id STREQUAL "debian" AND _os_version MATCHES "^[0-9]+$")
    set(I2V_DEB_VERSION ${PROJECT_VERSION}+deb${_os_version})
  elseif(_os_id STREQUAL "ubuntu" AND _os_version MATCHES "^[0-9.]+$")
    set(I2V_DEB_VERSION ${PROJECT_VERSION}+ubuntu${_os_version})
  endif()
endif()
