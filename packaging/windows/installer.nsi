; Windows installer for smallbiz-codes (NSIS 3, Unicode, Modern UI 2).
;
;   makensis -DPAYLOAD=<frozen folder> -DVERSION=0.1.0 -DOUTFILE=<setup.exe> installer.nsi
;
; PAYLOAD is the PyInstaller one-folder program (smallbiz-codes.exe and _internal\).
; Per user, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\smallbiz-codes, shortcuts to the user's Start menu and
; desktop, the uninstaller and the .sbcodes file type to HKCU.
; The uninstaller removes only what the installer put there. Workbooks (in
; Documents), settings and backups (%LOCALAPPDATA%\smallbiz-codes, a different
; folder) are never touched, nor any file the user saved into the program folder.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef PAYLOAD
  !error "Give the frozen program folder: makensis -DPAYLOAD=path\to\smallbiz-codes ..."
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "smallbiz-codes-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\smallbiz-codes.ico"
!endif

!define APP "smallbiz-codes"
!define EXE "smallbiz-codes.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define PROGID "smallbiz-codes.workbook"

Name "$(AppName)"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
BrandingText "${APP} ${VERSION}"
ShowInstDetails hide

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; First language is the default; the language dialog picks the system's.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString AppName ${LANG_SIMPCHINESE} "顾客满意行为规范"
LangString AppName ${LANG_ENGLISH} "Smallbiz Codes"
LangString Workbook ${LANG_SIMPCHINESE} "顾客满意行为规范工作簿"
LangString Workbook ${LANG_ENGLISH} "Smallbiz Codes workbook"
LangString UninstallName ${LANG_SIMPCHINESE} "卸载 顾客满意行为规范"
LangString UninstallName ${LANG_ENGLISH} "Uninstall Smallbiz Codes"
LangString KeptData ${LANG_SIMPCHINESE} "您的工作簿、设置和备份都保留着，没有删除。"
LangString KeptData ${LANG_ENGLISH} "Your workbooks, settings and backups are kept; nothing of yours was deleted."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Smallbiz Codes"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Smallbiz Codes installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT; Noto Sans SC under OFL-1.1; Qt under LGPL-3.0"

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  ; A previous version's _internal may hold files this one no longer has.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\$(AppName).lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\$(AppName).lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; .sbcodes opens in the program by double-click (per user, HKCU\Software\Classes).
  WriteRegStr HKCU "Software\Classes\.sbcodes" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(Workbook)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'

  ; Apps & features entry, without admin rights.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "$(AppName)"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "smallbiz-codes"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  ; Only what the installer wrote. Never RMDir /r "$INSTDIR": a user may have
  ; saved a workbook there. Documents and %LOCALAPPDATA%\smallbiz-codes stay.
  Delete "$SMPROGRAMS\$(AppName).lnk"
  Delete "$DESKTOP\$(AppName).lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ReadRegStr $0 HKCU "Software\Classes\.sbcodes" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.sbcodes"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  IfSilent +2
    MessageBox MB_OK|MB_ICONINFORMATION "$(KeptData)"
SectionEnd
