; Inno Setup 6 script: sitimer's Windows installer around the PyInstaller folder.
; Build (on Windows, in the repository):
;   py -m pip install -e ".[package]"
;   py -m PyInstaller --noconfirm --distpath build\pyinstaller\dist --workpath build\pyinstaller\work packaging\sitimer.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\sitimer.iss
; gives dist\sitimer-0.1.0-setup.exe. Signing: docs/packaging.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7C3E5B0A-4F1D-4B8E-9A52-3D6C1E0F2A91}
AppName=sitimer
AppVersion={#AppVersion}
AppPublisher=sitimer
DefaultDirName={autopf}\sitimer
DefaultGroupName=sitimer
; A patient without administrator rights can install it for themselves.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=sitimer-{#AppVersion}-setup
SetupIconFile=sitimer.ico
UninstallDisplayIcon={app}\sitimer.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\build\pyinstaller\dist\sitimer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\sitimer"; Filename: "{app}\sitimer.exe"
Name: "{group}\{cm:UninstallProgram,sitimer}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\sitimer"; Filename: "{app}\sitimer.exe"; Tasks: desktopicon

[Registry]
; Windows knows a file by its last extension (.yaml), so "NAME.sitimer.yaml" cannot have a type of
; its own: sitimer is offered under "Open with" for .yaml files and does not take them over.
Root: HKA; Subkey: "Software\Classes\sitimer.programme"; ValueType: string; ValueName: ""; ValueData: "sitimer programme"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\sitimer.programme\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\sitimer.exe,0"
Root: HKA; Subkey: "Software\Classes\sitimer.programme\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\sitimer.exe"" open ""%1"""
Root: HKA; Subkey: "Software\Classes\.yaml\OpenWithProgids"; ValueType: string; ValueName: "sitimer.programme"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.yml\OpenWithProgids"; ValueType: string; ValueName: "sitimer.programme"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\sitimer.exe"; Description: "{cm:LaunchProgram,sitimer}"; Flags: nowait postinstall skipifsilent
