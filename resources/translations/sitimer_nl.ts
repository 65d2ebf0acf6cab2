<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>App</name>
    <message>
        <location filename="../../sitimer/qt/app/app.py" line="354"/>
        <source>This programme cannot be used</source>
        <translation>Dit programma kan niet worden gebruikt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/app.py" line="311"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/app.py" line="321"/>
        <location filename="../../sitimer/qt/app/app.py" line="369"/>
        <location filename="../../sitimer/qt/app/app.py" line="371"/>
        <location filename="../../sitimer/qt/app/app.py" line="390"/>
        <location filename="../../sitimer/qt/app/app.py" line="392"/>
        <source>Save as</source>
        <translation>Opslaan als</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/app.py" line="333"/>
        <location filename="../../sitimer/qt/app/app.py" line="340"/>
        <location filename="../../sitimer/qt/app/app.py" line="342"/>
        <source>Handout</source>
        <translation>Oefenschema</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/app.py" line="364"/>
        <source>Programmes (*.yaml *.yml)</source>
        <translation>Programma&apos;s (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/app.py" line="380"/>
        <source>sitimer-report</source>
        <translation>sitimer-verslag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/app.py" line="380"/>
        <source>sitimer-history</source>
        <translation>sitimer-geschiedenis</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="60"/>
        <source>Mon</source>
        <translation>ma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="60"/>
        <source>Tue</source>
        <translation>di</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="60"/>
        <source>Wed</source>
        <translation>wo</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="60"/>
        <source>Thu</source>
        <translation>do</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="60"/>
        <source>Fri</source>
        <translation>vr</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="61"/>
        <source>Sat</source>
        <translation>za</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="61"/>
        <source>Sun</source>
        <translation>zo</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="65"/>
        <source>{kept} of {due} days kept</source>
        <translation>{kept} van {due} dagen volgens schema</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <location filename="../../sitimer/qt/editor/catalogue.py" line="34"/>
        <source>Add an exercise</source>
        <translation>Een oefening toevoegen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/catalogue.py" line="38"/>
        <source>Exercises of the bundled programmes</source>
        <translation>Oefeningen uit de meegeleverde programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/catalogue.py" line="64"/>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
</context>
<context>
    <name>CheckInReminder</name>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="326"/>
        <source>{0}: 1 week on, time to take stock with your therapist. Open sitimer to answer two short questions; the exercises go on after it.</source>
        <translation>{0}: 1 week verder, tijd om met uw therapeut de balans op te maken. Open sitimer voor twee korte vragen; daarna gaan de oefeningen gewoon door.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="331"/>
        <source>{0}: {1} weeks on, time to take stock with your therapist. Open sitimer to answer two short questions; the exercises go on after it.</source>
        <translation>{0}: {1} weken verder, tijd om met uw therapeut de balans op te maken. Open sitimer voor twee korte vragen; daarna gaan de oefeningen gewoon door.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="338"/>
        <source>{0}: 1 week on. Open sitimer to read what comes next and answer two short questions.</source>
        <translation>{0}: 1 week verder. Open sitimer om te lezen hoe het verder gaat, en voor twee korte vragen.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="340"/>
        <source>{0}: {1} weeks on. Open sitimer to read what comes next and answer two short questions.</source>
        <translation>{0}: {1} weken verder. Open sitimer om te lezen hoe het verder gaat, en voor twee korte vragen.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="344"/>
        <source>{0}: open sitimer to answer a short question.</source>
        <translation>{0}: open sitimer om een korte vraag te beantwoorden.</translation>
    </message>
</context>
<context>
    <name>CheckInView</name>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="84"/>
        <source>How are your complaints?</source>
        <translation>Hoe gaat het met uw klachten?</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="144"/>
        <source>{0} · 1 week since your first session</source>
        <translation>{0} · 1 week sinds uw eerste sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="146"/>
        <source>{0} · {1} weeks since your first session</source>
        <translation>{0} · {1} weken sinds uw eerste sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="118"/>
        <source>Free of pain</source>
        <translation>Pijnvrij</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="180"/>
        <source>{0} weeks on</source>
        <translation>{0} weken verder</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="184"/>
        <source>Time to take stock</source>
        <translation>Tijd om de balans op te maken</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="186"/>
        <source>Think of how the complaints were when you started the exercises, and how they are now.</source>
        <translation>Denk aan hoe de klachten waren toen u met de oefeningen begon, en hoe ze nu zijn.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="190"/>
        <source>You have been doing the exercises for {0} weeks: time to take stock. Think of how the complaints were when you started, and how they are now. The exercises go on after it.</source>
        <translation>U doet de oefeningen nu {0} weken: tijd om de balans op te maken. Denk terug aan hoe de klachten waren toen u begon, en hoe ze nu zijn. Daarna gaan de oefeningen gewoon door.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="90"/>
        <source>Answer later</source>
        <translation>Later beantwoorden</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="178"/>
        <source>1 week on</source>
        <translation>1 week verder</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="203"/>
        <source>After {0} weeks of exercises the complaints should have lessened. As they have not, please contact your sports physician or therapist, and take this programme along.</source>
        <translation>Na {0} weken oefenen horen de klachten verminderd te zijn. Omdat dat niet zo is, kunt u het beste contact opnemen met uw sportarts of therapeut; neem dit programma mee.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="208"/>
        <source>As the complaints have not lessened, please contact your sports physician or therapist, and take this programme along.</source>
        <translation>Omdat de klachten niet verminderd zijn: neem contact op met uw sportarts of therapeut, en neem dit programma mee.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="211"/>
        <source>Please contact your sports physician or therapist</source>
        <translation>Neem contact op met uw sportarts of therapeut</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="213"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="222"/>
        <source>Your last {0} sessions were free of pain. Keep doing the exercises regularly, also now: that helps prevent the complaints from coming back.</source>
        <translation>Uw laatste {0} sessies waren pijnvrij. Blijf de oefeningen regelmatig doen, ook nu: zo voorkomt u dat de klachten terugkomen.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="227"/>
        <source>Keep doing the exercises regularly, also once you are free of pain: that helps prevent the complaints from coming back.</source>
        <translation>Blijf de oefeningen regelmatig doen, ook als u pijnvrij bent: zo voorkomt u dat de klachten terugkomen.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="230"/>
        <source>Keep the exercises up</source>
        <translation>Blijf oefenen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="232"/>
        <source>Remind me once a day at {0}</source>
        <translation>Herinner mij dagelijks om {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="234"/>
        <source>No, thank you</source>
        <translation>Nee, dank u</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="239"/>
        <source>You can stop the reminders at any time in the reminder settings.</source>
        <translation>U kunt de herinneringen altijd stoppen bij de instellingen voor herinneringen.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="249"/>
        <source>Not enough pain ratings yet to show a trend.</source>
        <translation>Nog te weinig pijnscores om een verloop te tonen.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="252"/>
        <source>Pain after your sessions went from {0} at the start to {1} lately (0 is no pain).</source>
        <translation>Uw pijn na de sessies ging van {0} in het begin naar {1} de laatste tijd (0 is geen pijn).</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="256"/>
        <source>Pain after your sessions went up, from {0} at the start to {1} lately (0 is no pain).</source>
        <translation>Uw pijn na de sessies is gestegen, van {0} in het begin naar {1} de laatste tijd (0 is geen pijn).</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/checkin_view.py" line="259"/>
        <source>Pain after your sessions stayed at {0} (0 is no pain).</source>
        <translation>Uw pijn na de sessies bleef op {0} (0 is geen pijn).</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="159"/>
        <source>Problems, as sitimer validate reports them</source>
        <translation>Problemen, zoals sitimer validate ze meldt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="167"/>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="184"/>
        <source>Session length: fix the problems below first</source>
        <translation>Duur van een sessie: los eerst de problemen hieronder op</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="187"/>
        <source>None: this programme can be used.</source>
        <translation>Geen: dit programma kan worden gebruikt.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="194"/>
        <source>{0}: the Dutch instructions say {1} seconds, the dose is {2}&#xa0;s now</source>
        <translation>{0}: de Nederlandse uitleg noemt {1} seconden, de dosis is nu {2}&#xa0;sec</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="196"/>
        <source>{0}: the English instructions say {1} seconds, the dose is {2}&#xa0;s now</source>
        <translation>{0}: de Engelse uitleg noemt {1} seconden, de dosis is nu {2}&#xa0;sec</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="201"/>
        <source>The Dutch description says {0} times a day, the programme {1} now</source>
        <translation>De Nederlandse beschrijving zegt {0} keer per dag, het programma nu {1}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="203"/>
        <source>The English description says {0} times a day, the programme {1} now</source>
        <translation>De Engelse beschrijving zegt {0} keer per dag, het programma nu {1}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="207"/>
        <source>(tell the patient, or change the sentence in the file)</source>
        <translation>(vertel het de patiënt, of pas de zin in het bestand aan)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="216"/>
        <source>Session length: {0} ({1})</source>
        <translation>Duur van een sessie: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>DailyActivities</name>
    <message>
        <location filename="../../sitimer/qt/picker/daily.py" line="40"/>
        <source>Every day, apart from the sessions:</source>
        <translation>Elke dag, los van de oefensessies:</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/daily.py" line="43"/>
        <source>Tick it off once you have done it today.</source>
        <translation>Vink het af zodra u het vandaag gedaan hebt.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/daily.py" line="115"/>
        <source>{0}: done today</source>
        <translation>{0}: vandaag gedaan</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/daily.py" line="187"/>
        <source>The history is in use or cannot be written just now: kept, and added to it later.</source>
        <translation>De geschiedenis is nu in gebruik of kan niet worden geschreven: bewaard, en later toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/daily.py" line="194"/>
        <source>Not kept: the history cannot be written just now.</source>
        <translation>Niet bewaard: de geschiedenis kan nu niet worden geschreven.</translation>
    </message>
</context>
<context>
    <name>DemoControls</name>
    <message>
        <location filename="../../sitimer/qt/session/demo.py" line="132"/>
        <source>The last step · Esc ends the demonstration</source>
        <translation>De laatste stap · Esc beëindigt de demonstratie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/demo.py" line="161"/>
        <source>Demonstration at {0}× speed · D changes it</source>
        <translation>Demonstratie op {0}× snelheid · wijzigen met D</translation>
    </message>
</context>
<context>
    <name>Dose</name>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="43"/>
        <source>{0}× a day</source>
        <translation>{0}× per dag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="44"/>
        <source>{0}–{1}× a day</source>
        <translation>{0}–{1}× per dag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="55"/>
        <source>, review after 1 week</source>
        <translation>, controle na 1 week</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="55"/>
        <source>, review after {0} weeks</source>
        <translation>, controle na {0} weken</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="63"/>
        <source>Daily activities only</source>
        <translation>Alleen dagelijkse activiteiten</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="68"/>
        <source>about {0}&#xa0;min a session</source>
        <translation>ongeveer {0}&#xa0;min per sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="98"/>
        <source>{0}&#xa0;min a day</source>
        <translation>{0}&#xa0;min per dag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="101"/>
        <source>{0} hour a day</source>
        <translation>{0} uur per dag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="101"/>
        <source>{0} hours a day</source>
        <translation>{0} uur per dag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="102"/>
        <source>about {0}&#xa0;min a session × {1} a day = {2}</source>
        <translation>± {0}&#xa0;min per keer × {1} per dag = {2}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="112"/>
        <source>{0}&#xa0;s</source>
        <translation>{0}&#xa0;sec</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="115"/>
        <source>{0}&#xa0;min {1}&#xa0;s</source>
        <translation>{0}&#xa0;min {1}&#xa0;sec</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="116"/>
        <source>{0}&#xa0;min</source>
        <translation>{0}&#xa0;min</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="125"/>
        <source>{0}–{1}&#xa0;min</source>
        <translation>{0}–{1}&#xa0;min</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="125"/>
        <source>{0}–{1}&#xa0;s</source>
        <translation>{0}–{1}&#xa0;sec</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="138"/>
        <source>ex. {0}</source>
        <translation>oef. {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="138"/>
        <source>fig. {0}</source>
        <translation>afb. {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="140"/>
        <source>(card: {0})</source>
        <translation>(kaart: {0})</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="148"/>
        <source>{0} alternating</source>
        <translation>{0} om en om</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="150"/>
        <source>{0} each side</source>
        <translation>{0} per kant</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="154"/>
        <source>, at your own pace</source>
        <translation>, in uw eigen tempo</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="156"/>
        <source>hold {0}</source>
        <translation>{0} vasthouden</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="158"/>
        <source> each side</source>
        <translation> per kant</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="164"/>
        <source>about {0}</source>
        <translation>ongeveer {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="172"/>
        <source>, {0}&#xa0;rest</source>
        <translation>, {0}&#xa0;rust</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="183"/>
        <source>{0} — switched off; ask your therapist (1 exercise)</source>
        <translation>{0} — staat uit; overleg met uw therapeut (1 oefening)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="185"/>
        <source>{0} — switched off; ask your therapist ({1} exercises)</source>
        <translation>{0} — staat uit; overleg met uw therapeut ({1} oefeningen)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/dose_text.py" line="191"/>
        <source>{0} — switched off; ask your therapist</source>
        <translation>{0} — staat uit; overleg met uw therapeut</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="166"/>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="167"/>
        <source>Redo</source>
        <translation>Opnieuw doen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="168"/>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="218"/>
        <source>Change {0}</source>
        <translation>{0} wijzigen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="227"/>
        <source>Change reps</source>
        <translation>Herhalingen wijzigen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="234"/>
        <source>Change frequency</source>
        <translation>Hoe vaak wijzigen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="240"/>
        <source>Change reminders</source>
        <translation>Herinneringen wijzigen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="243"/>
        <source>Switch a phase</source>
        <translation>Een fase aan- of uitzetten</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="249"/>
        <source>Move an exercise</source>
        <translation>Een oefening verplaatsen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="261"/>
        <source>Add an exercise</source>
        <translation>Een oefening toevoegen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="279"/>
        <source>Remove an exercise</source>
        <translation>Een oefening verwijderen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="299"/>
        <source>Cannot be saved: {0} problems, listed under Problems</source>
        <translation>Kan niet worden opgeslagen: {0} problemen, zie Problemen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="301"/>
        <source>Cannot be saved: a problem, listed under Problems</source>
        <translation>Kan niet worden opgeslagen: een probleem, zie Problemen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="352"/>
        <source>The patient&apos;s own programme: {0}</source>
        <translation>Eigen programma van de patiënt: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="353"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="356"/>
        <source>{0} stays as it is. Saving makes the patient&apos;s own copy in {1}.</source>
        <translation>{0} blijft zoals het is. Opslaan maakt een eigen kopie voor de patiënt in {1}.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="360"/>
        <source>Save as copy…</source>
        <translation>Opslaan als kopie…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="361"/>
        <source>Edit programme — {0}</source>
        <translation>Programma aanpassen — {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="369"/>
        <location filename="../../sitimer/qt/editor/window.py" line="388"/>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="371"/>
        <source>The programme has problems (listed under Problems): fix them, or close without saving.</source>
        <translation>Het programma heeft problemen (zie onder Problemen): los ze op, of sluit zonder op te slaan.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="399"/>
        <source>Save as the patient&apos;s own copy</source>
        <translation>Opslaan als eigen kopie van de patiënt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="402"/>
        <source>The original stays as it is. A short label for the copy, such as the patient&apos;s initials or today&apos;s date. It is shown with the title wherever the programme is, also on a practice&apos;s kiosk: not a name.</source>
        <translation>Het origineel blijft zoals het is. Geef de kopie een kort label, bijvoorbeeld de initialen van de patiënt of de datum van vandaag. Het staat bij de titel overal waar het programma staat, ook op de kiosk van een praktijk: dus geen naam.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="407"/>
        <source>own</source>
        <translation>eigen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="430"/>
        <source>Not exported</source>
        <translation>Niet geëxporteerd</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="434"/>
        <location filename="../../sitimer/qt/editor/window.py" line="442"/>
        <source>Export the programme</source>
        <translation>Het programma exporteren</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="442"/>
        <source>Programmes (*.yaml *.yml)</source>
        <translation>Programma&apos;s (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="452"/>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/window.py" line="453"/>
        <source>Save the changes to this programme?</source>
        <translation>Wilt u de wijzigingen in dit programma opslaan?</translation>
    </message>
</context>
<context>
    <name>ExerciseForm</name>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="113"/>
        <location filename="../../sitimer/qt/editor/form.py" line="303"/>
        <source>In the session</source>
        <translation>In de sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="117"/>
        <source>per side</source>
        <translation>per kant</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="118"/>
        <source>in all</source>
        <translation>in totaal</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="126"/>
        <source>the app counts</source>
        <translation>de app telt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="127"/>
        <source>own pace (the patient taps)</source>
        <translation>eigen tempo (de patiënt tikt)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="129"/>
        <source> s</source>
        <translation> sec</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="337"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="162"/>
        <source>Sets</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="163"/>
        <source>Reps</source>
        <translation>Herhalingen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="164"/>
        <source>Sides</source>
        <translation>Kanten</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="165"/>
        <source>Seconds per rep</source>
        <translation>Seconden per herhaling</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="166"/>
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="167"/>
        <source>Hold</source>
        <translation>Vasthouden</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="168"/>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="169"/>
        <source>Usual length</source>
        <translation>Gebruikelijke duur</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="170"/>
        <source>Rest between sets</source>
        <translation>Rust tussen de series</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="171"/>
        <source>Rest after the exercise</source>
        <translation>Rust na de oefening</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="172"/>
        <source>Time to get ready</source>
        <translation>Tijd om u klaar te maken</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="225"/>
        <source>“{0}” not taken: from {1} to {2}</source>
        <translation>“{0}” niet overgenomen: van {1} tot en met {2}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="264"/>
        <source>from dose “{0}”</source>
        <translation>uit dosering “{0}”</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="265"/>
        <source>programme default</source>
        <translation>standaard in dit programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="266"/>
        <source>sitimer default</source>
        <translation>standaard van sitimer</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="267"/>
        <source>not given</source>
        <translation>niet ingevuld</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="287"/>
        <source>No exercise selected</source>
        <translation>Geen oefening gekozen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="303"/>
        <source>On the daily list</source>
        <translation>Op de dagelijkse lijst</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="327"/>
        <source>both at once, or no side</source>
        <translation>beide tegelijk, of geen kant</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="328"/>
        <source>alternating right and left</source>
        <translation>om en om rechts en links</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="329"/>
        <source>each side in turn</source>
        <translation>elke kant na elkaar</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="345"/>
        <source>from {0}&#xa0;s; the field is the longest</source>
        <translation>vanaf {0}&#xa0;s; het vak is de langste duur</translation>
    </message>
</context>
<context>
    <name>ExerciseList</name>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="54"/>
        <source>Exercises, in the order of a session</source>
        <translation>Oefeningen, in de volgorde van een sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="61"/>
        <location filename="../../sitimer/qt/editor/panels.py" line="63"/>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="62"/>
        <location filename="../../sitimer/qt/editor/panels.py" line="64"/>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="65"/>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="66"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="67"/>
        <source>Add an exercise from the bundled programmes</source>
        <translation>Een oefening uit de meegeleverde programma&apos;s toevoegen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="77"/>
        <source>Exercises</source>
        <translation>Oefeningen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="98"/>
        <source>daily, not in a session</source>
        <translation>dagelijks, niet in een sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="104"/>
        <source>switched off</source>
        <translation>staat uit</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/panels.py" line="104"/>
        <source>its phase is switched off</source>
        <translation>de fase staat uit</translation>
    </message>
</context>
<context>
    <name>FigureView</name>
    <message>
        <location filename="../../sitimer/qt/figure/view.py" line="45"/>
        <location filename="../../sitimer/qt/figure/view.py" line="71"/>
        <source>Figure</source>
        <translation>Figuur</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/view.py" line="71"/>
        <source>Figure doing {0}</source>
        <translation>Figuur dat {0} voordoet</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/view.py" line="80"/>
        <source>Working side: {0}</source>
        <translation>Kant die werkt: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/view.py" line="81"/>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/view.py" line="81"/>
        <source>left</source>
        <translation>links</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../sitimer/qt/common/figures_text.py" line="23"/>
        <source>Today: {0} of {1}</source>
        <translation>Vandaag: {0} van {1}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/figures_text.py" line="28"/>
        <source>1 day in a row</source>
        <translation>1 dag op rij</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/figures_text.py" line="28"/>
        <source>{0} days in a row</source>
        <translation>{0} dagen op rij</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/figures_text.py" line="36"/>
        <source>This week: {0}&#xa0;%</source>
        <translation>Deze week: {0}&#xa0;%</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../sitimer/qt/common/files.py" line="94"/>
        <source>Saved: {0}</source>
        <translation>Opgeslagen: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/files.py" line="94"/>
        <source>In the folder {0}</source>
        <translation>In de map {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/files.py" line="98"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/files.py" line="119"/>
        <source>No program on this computer opens {0}. It is saved in the folder {1}.</source>
        <translation>Er is op deze computer geen programma dat {0} opent. Het bestand staat in de map {1}.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="53"/>
        <source>No set count or time</source>
        <translation>Geen vast aantal en geen vaste tijd</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="83"/>
        <source>{0} rest between sets</source>
        <translation>{0} rust tussen de series</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="95"/>
        <source>After 1 week — review:</source>
        <translation>Na 1 week — controle:</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="95"/>
        <source>After {0} weeks — review:</source>
        <translation>Na {0} weken — controle:</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="97"/>
        <source>After 1 week:</source>
        <translation>Na 1 week:</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="97"/>
        <source>After {0} weeks:</source>
        <translation>Na {0} weken:</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="125"/>
        <source>Every day, apart from the sessions</source>
        <translation>Elke dag, los van de oefensessies</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="128"/>
        <source>The exercises of each session</source>
        <translation>De oefeningen van elke sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="134"/>
        <source>Later: only when your therapist says so</source>
        <translation>Later: alleen als uw therapeut dat zegt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="143"/>
        <source>Stop an exercise that causes sharp pain, and ask your therapist.</source>
        <translation>Stop met een oefening die scherpe pijn geeft, en overleg met uw therapeut.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/handout.py" line="144"/>
        <source>Source: {0}</source>
        <translation>Bron: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/key_pictures.py" line="41"/>
        <source>Start</source>
        <translation>Begin</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/key_pictures.py" line="43"/>
        <source>End</source>
        <translation>Eind</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/key_pictures.py" line="45"/>
        <location filename="../../sitimer/qt/picker/key_pictures.py" line="49"/>
        <source>Then</source>
        <translation>Daarna</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/key_pictures.py" line="47"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/key_pictures.py" line="48"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="50"/>
        <source>Pain and effort after each session</source>
        <translation>Pijn en inspanning na elke sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="225"/>
        <source>pain (0–10)</source>
        <translation>pijn (0–10)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="225"/>
        <source>effort (Borg CR10)</source>
        <translation>inspanning (Borg CR10)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="236"/>
        <source>{name}: {first}, one session</source>
        <translation>{name}: {first}, één sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="239"/>
        <source>{name}: from {first} to {last}, {count} sessions</source>
        <translation>{name}: van {first} naar {last}, {count} sessies</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="243"/>
        <source>No answers yet</source>
        <translation>Nog geen antwoorden</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="284"/>
        <source>No sessions yet. Your first session will show here.</source>
        <translation>Nog geen sessies. Uw eerste sessie verschijnt hier.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="289"/>
        <source>this week: nothing due yet</source>
        <translation>deze week: nog niets aan de beurt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="290"/>
        <source>this week</source>
        <translation>deze week</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="291"/>
        <source>days in a row</source>
        <translation>dagen op rij</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="292"/>
        <source>{0} of {1} sessions today</source>
        <translation>{0} van {1} sessies vandaag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="293"/>
        <source>sessions today</source>
        <translation>sessies vandaag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="303"/>
        <source>The last four weeks</source>
        <translation>De afgelopen vier weken</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="306"/>
        <source>Done of what was prescribed, per exercise</source>
        <translation>Gedaan van wat is voorgeschreven, per oefening</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="325"/>
        <source>Nothing missed yet this week: today counts from your first session.</source>
        <translation>Deze week nog niets gemist: vandaag telt mee vanaf uw eerste sessie.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="328"/>
        <source>On track this week: 80&#xa0;% or more of the prescribed sessions done.</source>
        <translation>Deze week volgens plan: 80&#xa0;% of meer van de voorgeschreven sessies gedaan.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="330"/>
        <source>Not yet on track this week: that takes 80&#xa0;% of the prescribed sessions.</source>
        <translation>Deze week nog niet volgens plan: daarvoor is 80&#xa0;% van de voorgeschreven sessies nodig.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="334"/>
        <source>Sessions above the minimum: {0}.</source>
        <translation>Sessies boven het minimum: {0}.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="337"/>
        <source>Not completed (too little of the exercises done, or stopped): {0}.</source>
        <translation>Niet afgemaakt (te weinig van de oefeningen gedaan, of gestopt): {0}.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="347"/>
        <source>Your progress</source>
        <translation>Uw voortgang</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="356"/>
        <source>Report for your therapist (PDF)…</source>
        <translation>Verslag voor uw therapeut (PDF)…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="357"/>
        <source>Export (CSV)…</source>
        <translation>Exporteren (CSV)…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/view.py" line="365"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="161"/>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="162"/>
        <source>Clear everything</source>
        <translation>Alles wissen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="162"/>
        <source>Delete the last digit</source>
        <translation>Laatste cijfer wissen</translation>
    </message>
</context>
<context>
    <name>KeypadPage</name>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="259"/>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="262"/>
        <source>OK  ▶</source>
        <translation>OK  ▶</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="263"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="326"/>
        <source>Wait 1 second…</source>
        <translation>Wacht 1 seconde…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="326"/>
        <source>Wait {0} seconds…</source>
        <translation>Wacht {0} seconden…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="347"/>
        <source>{0} digits typed</source>
        <translation>{0} cijfers getypt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/keypad.py" line="347"/>
        <source>1 digit typed</source>
        <translation>1 cijfer getypt</translation>
    </message>
</context>
<context>
    <name>KioskApp</name>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="177"/>
        <source>This programme cannot be used just now. Please ask your therapist.</source>
        <translation>Dit programma kan nu niet worden gebruikt. Vraag het uw therapeut.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="179"/>
        <source>A programme</source>
        <translation>Een programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="306"/>
        <source>What is waiting to be sent cannot be read: {0}</source>
        <translation>Wat nog verstuurd moet worden, kan niet worden gelezen: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="308"/>
        <source>Everything recorded here is on the practice&apos;s server.</source>
        <translation>Alles wat hier is vastgelegd, staat op de server van de praktijk.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="309"/>
        <source>Not on the practice&apos;s server yet: {0} sessions and {1} steps.</source>
        <translation>Nog niet op de server van de praktijk: {0} sessies en {1} stappen.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="385"/>
        <source>sitimer-{0}-report</source>
        <translation>sitimer-{0}-verslag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="385"/>
        <source>sitimer-{0}-history</source>
        <translation>sitimer-{0}-geschiedenis</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="390"/>
        <source>Save as</source>
        <translation>Opslaan als</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="402"/>
        <source>Not saved: {0}</source>
        <translation>Niet opgeslagen: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/app.py" line="404"/>
        <source>Saved {0}: sessions of code {1}: {2}.</source>
        <translation>{0} opgeslagen: sessies van code {1}: {2}.</translation>
    </message>
</context>
<context>
    <name>KioskPages</name>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="43"/>
        <source>Therapist (Alt+T)</source>
        <translation>Therapeut (Alt+T)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="45"/>
        <source>Therapist: type the PIN</source>
        <translation>Therapeut: typ de pincode</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sitimer/qt/window/main_window.py" line="28"/>
        <source>sitimer — demonstration</source>
        <translation>sitimer — demonstratie</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <location filename="../../sitimer/qt/figure/media.py" line="62"/>
        <source>Could not show the photo {0}: the file is missing</source>
        <translation>De foto {0} is niet te tonen: het bestand ontbreekt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/media.py" line="63"/>
        <source>Could not show the photo {0}: it is not a picture (PNG or JPEG)</source>
        <translation>De foto {0} is niet te tonen: het is geen afbeelding (PNG of JPEG)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/media.py" line="69"/>
        <source>Could not show the video {0}: the file is missing</source>
        <translation>De video {0} is niet te tonen: het bestand ontbreekt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/media.py" line="71"/>
        <source>Could not show the video {0}: no permission to read it</source>
        <translation>De video {0} is niet te tonen: u hebt geen toegang tot het bestand</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/media.py" line="72"/>
        <source>Could not show the video {0}: it is not a video this computer can play</source>
        <translation>De video {0} is niet te tonen: deze computer kan hem niet afspelen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/media.py" line="101"/>
        <source>Photo or video of the exercise</source>
        <translation>Foto of video van de oefening</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/figure/media.py" line="133"/>
        <source>Could not show the photo or video: {0}</source>
        <translation>De foto of video is niet te tonen: {0}</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../sitimer/qt/session/outcome.py" line="57"/>
        <source>Activities that are hard for you</source>
        <translation>Activiteiten die u moeite kosten</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/outcome.py" line="64"/>
        <source>The activities you named before: how hard are they now?</source>
        <translation>De activiteiten die u eerder noemde: hoeveel moeite kosten ze nu?</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/outcome.py" line="59"/>
        <source>Name up to three everyday activities the complaints make hard (putting on socks, say), and score each.</source>
        <translation>Noem hooguit drie dagelijkse activiteiten die door de klachten moeilijk gaan (bijvoorbeeld sokken aantrekken), en geef elk een cijfer.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/outcome.py" line="81"/>
        <location filename="../../sitimer/qt/session/outcome.py" line="85"/>
        <location filename="../../sitimer/qt/session/outcome.py" line="88"/>
        <source>Activity {0}</source>
        <translation>Activiteit {0}</translation>
    </message>
</context>
<context>
    <name>OverviewCells</name>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="35"/>
        <source>nothing due yet</source>
        <translation>nog niets te doen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="36"/>
        <source>{0} of {1} ({2}&#xa0;%)</source>
        <translation>{0} van {1} ({2}&#xa0;%)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="37"/>
        <source>{0} · behind</source>
        <translation>{0} · achter</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="43"/>
        <source>{0}&#xa0;%</source>
        <translation>{0}&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="48"/>
        <source>{0} of {1} sessions since the first one</source>
        <translation>{0} van {1} sessies sinds de eerste</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="57"/>
        <source>{0} → —</source>
        <translation>{0} → —</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="66"/>
        <source>{0} → {1} {2}</source>
        <translation>{0} → {1} {2}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="72"/>
        <source>the last 14 days: {0}; the 14 days before: {1}</source>
        <translation>de laatste 14 dagen: {0}; de 14 dagen daarvoor: {1}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="61"/>
        <source>= the same</source>
        <translation>= gelijk</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="63"/>
        <source>↓ better</source>
        <translation>↓ beter</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="63"/>
        <source>↓ easier</source>
        <translation>↓ lichter</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="65"/>
        <source>↑ worse</source>
        <translation>↑ slechter</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="65"/>
        <source>↑ harder</source>
        <translation>↑ zwaarder</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="79"/>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="84"/>
        <source>today {0}</source>
        <translation>vandaag {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="86"/>
        <source>yesterday {0}</source>
        <translation>gisteren {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/cells.py" line="88"/>
        <source>{0} days ago</source>
        <translation>{0} dagen geleden</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="73"/>
        <source>Practice overview</source>
        <translation>Overzicht van de praktijk</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="75"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="84"/>
        <source>&amp;Try again</source>
        <translation>Opnieuw &amp;proberen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="106"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="107"/>
        <source>Programmes</source>
        <translation>Programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="108"/>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="109"/>
        <source>So far</source>
        <translation>Tot nu toe</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="112"/>
        <source>Last session</source>
        <translation>Laatste sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="113"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="118"/>
        <source>Sessions done of those due this week, Monday to today</source>
        <translation>Sessies gedaan van de sessies die deze week moesten, maandag tot vandaag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="119"/>
        <source>Sessions done of those due since the programme&apos;s first session</source>
        <translation>Sessies gedaan van de sessies die moesten sinds de eerste sessie van het programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="110"/>
        <source>Pain</source>
        <translation>Pijn</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="111"/>
        <source>Effort</source>
        <translation>Inspanning</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="120"/>
        <source>The mean pain after a session (0-10): the 14 days before → the last 14 days</source>
        <translation>De gemiddelde pijn na een sessie (0-10): de 14 dagen daarvoor → de laatste 14 dagen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="121"/>
        <source>The mean effort (Borg CR10): the 14 days before → the last 14 days</source>
        <translation>De gemiddelde inspanning (Borg CR10): de 14 dagen daarvoor → de laatste 14 dagen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="140"/>
        <source>Codes, furthest behind first</source>
        <translation>Codes, wie het meest achterloopt bovenaan</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="150"/>
        <source>Report (PDF)…</source>
        <translation>Verslag (PDF)…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="152"/>
        <source>Sessions (CSV)…</source>
        <translation>Sessies (CSV)…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="169"/>
        <source>Loading the overview from the practice&apos;s server…</source>
        <translation>Het overzicht wordt van de server van de praktijk gehaald…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="180"/>
        <source>The rows below are as they were at {0}.</source>
        <translation>De rijen hieronder zijn zoals ze om {0} waren.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="188"/>
        <source>No codes on the practice&apos;s server yet.</source>
        <translation>Nog geen codes op de server van de praktijk.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="202"/>
        <source>1 session</source>
        <translation>1 sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="202"/>
        <source>{0} sessions</source>
        <translation>{0} sessies</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="203"/>
        <source>1 step</source>
        <translation>1 stap</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="203"/>
        <source>{0} steps</source>
        <translation>{0} stappen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="205"/>
        <source>Not sent yet from this computer: {0}, {1}.</source>
        <translation>Nog niet verstuurd vanaf deze computer: {0}, {1}.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="210"/>
        <source>Everything from this computer has been sent.</source>
        <translation>Alles van deze computer is verstuurd.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="222"/>
        <source>(no code)</source>
        <translation>(geen code)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="260"/>
        <source>Code {0}:</source>
        <translation>Code {0}:</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/overview.py" line="260"/>
        <source>Choose a code for its report:</source>
        <translation>Kies een code voor het verslag:</translation>
    </message>
</context>
<context>
    <name>OwnReports</name>
    <message>
        <location filename="../../sitimer/qt/progress/own_reports.py" line="42"/>
        <source>Weekly questions (EARS): {0} of {1} (on {2})</source>
        <translation>Weekvragen (EARS): {0} van {1} (op {2})</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/own_reports.py" line="49"/>
        <source>Your complaints: {0} (on {1})</source>
        <translation>Uw klachten: {0} (op {1})</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/own_reports.py" line="57"/>
        <source>Your activities (0 no trouble, 10 impossible): {0}</source>
        <translation>Uw activiteiten (0 geen moeite, 10 onmogelijk): {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/own_reports.py" line="67"/>
        <source>Why sessions were missed: {0}</source>
        <translation>Waarom sessies niet doorgingen: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/own_reports.py" line="68"/>
        <source>No answers of your own yet: they are asked after a session, now and then.</source>
        <translation>Nog geen eigen antwoorden: die worden af en toe na een sessie gevraagd.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/own_reports.py" line="94"/>
        <source>Your own answers</source>
        <translation>Uw eigen antwoorden</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/own_reports.py" line="99"/>
        <source>Weekly questions…</source>
        <translation>Weekvragen…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/own_reports.py" line="107"/>
        <source>EARS: 0 to 24, higher is better kept up. Complaints: the global perceived effect.</source>
        <translation>EARS: 0 tot 24, hoger is beter volgehouden. Klachten: het globaal ervaren effect.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/own_reports.py" line="123"/>
        <source>Weekly questions</source>
        <translation>Weekvragen</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="196"/>
        <source>Your programmes</source>
        <translation>Uw programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="198"/>
        <source>Code {0}</source>
        <translation>Code {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="200"/>
        <source>Done  ✓</source>
        <translation>Klaar  ✓</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="201"/>
        <source>Done: back to the start screen</source>
        <translation>Klaar: terug naar het beginscherm</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="218"/>
        <source>No programmes yet. Please ask your therapist.</source>
        <translation>Nog geen programma&apos;s. Vraag het uw therapeut.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="223"/>
        <source>Tap a programme to start it, or press its number. Esc: done.</source>
        <translation>Tik op een programma om te beginnen, of druk op het nummer. Esc: klaar.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="254"/>
        <source>Start {0}</source>
        <translation>{0} beginnen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="265"/>
        <source>This programme cannot be used just now.</source>
        <translation>Dit programma kan nu niet worden gebruikt.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="268"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="269"/>
        <source>Your progress with {0}</source>
        <translation>Uw voortgang met {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="277"/>
        <source>No sessions yet: your first one will count here.</source>
        <translation>Nog geen sessies: uw eerste telt hier mee.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="93"/>
        <source>Therapist</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="94"/>
        <source>Type the PIN to open the kiosk&apos;s settings or to close it.</source>
        <translation>Typ de pincode om de instellingen van de kiosk te openen of de kiosk te sluiten.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="95"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="109"/>
        <source>No PIN is set. Set one with: sitimer kiosk set-pin</source>
        <translation>Er is geen pincode ingesteld. Stel er een in met: sitimer kiosk set-pin</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="111"/>
        <source>Wrong PIN.</source>
        <translation>Verkeerde pincode.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="115"/>
        <source>Try again in {0}&#xa0;s.</source>
        <translation>Probeer het over {0}&#xa0;sec opnieuw.</translation>
    </message>
</context>
<context>
    <name>PracticeLink</name>
    <message>
        <location filename="../../sitimer/qt/app/practice_link.py" line="39"/>
        <source>The practice&apos;s server refused this computer; the sessions are kept here.</source>
        <translation>De server van de praktijk weigert deze computer; de sessies blijven hier bewaard.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/practice_link.py" line="41"/>
        <source>The practice&apos;s server needs a newer sitimer; the sessions are kept here.</source>
        <translation>De server van de praktijk vraagt een nieuwere sitimer; de sessies blijven hier bewaard.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/practice_link.py" line="42"/>
        <source>The practice&apos;s server cannot take the sessions just now; they are kept here.</source>
        <translation>De server van de praktijk kan de sessies nu niet aannemen; ze blijven hier bewaard.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/practice_link.py" line="37"/>
        <source>The practice&apos;s server cannot be reached; the sessions are kept here and sent later.</source>
        <translation>De server van de praktijk is niet bereikbaar; de sessies blijven hier bewaard en worden later verstuurd.</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <location filename="../../sitimer/qt/session/demo.py" line="88"/>
        <source>End the demonstration</source>
        <translation>Demonstratie beëindigen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/demo.py" line="88"/>
        <source>End the demonstration? Nothing of it is recorded.</source>
        <translation>De demonstratie beëindigen? Er wordt niets van bewaard.</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="55"/>
        <location filename="../../sitimer/core/programme/reader.py" line="74"/>
        <source> (did you mean &apos;{word}&apos;?)</source>
        <translation> (bedoelt u &apos;{word}&apos;?)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="77"/>
        <source>{problem}{hint}</source>
        <translation>{problem}{hint}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="83"/>
        <source>expected a pose name, found {found!r}</source>
        <translation>hier hoort de naam van een houding, gevonden: {found!r}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="95"/>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="187"/>
        <source>{count} poses; at most {most}</source>
        <translation>{count} houdingen; hoogstens {most}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="124"/>
        <source>{name!r} is not a pose name: use lowercase letters, digits and dashes</source>
        <translation>{name!r} is geen naam voor een houding: gebruik kleine letters, cijfers en streepjes</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="139"/>
        <source>a loop of likes ({chain}); one of them must start from a pose of its own</source>
        <translation>de likes gaan in een kring ({chain}); een ervan moet van een eigen houding uitgaan</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="157"/>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="178"/>
        <source>no pose named {name!r}{hint}</source>
        <translation>geen houding met de naam {name!r}{hint}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="174"/>
        <source>expected a pose name or a pose (like, base, angles), found {found!r}</source>
        <translation>hier hoort de naam van een houding of een houding (like, base, hoeken), gevonden: {found!r}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="185"/>
        <source>give at least one pose</source>
        <translation>geef minstens één houding</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="107"/>
        <source>more than {most:,} values (aliases expanded); not a programme</source>
        <translation>meer dan {most:,} waarden (met de aliassen uitgeschreven); dit is geen programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="112"/>
        <source>tag {tag!r} is not allowed in a programme</source>
        <translation>de tag {tag!r} mag niet in een programma staan</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="119"/>
        <source>expected a mapping of fields, found {found}</source>
        <translation>hier horen velden (naam: waarde), gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="124"/>
        <source>YAML merge keys (&lt;&lt;) are not supported; use doses</source>
        <translation>YAML-samenvoegsleutels (&lt;&lt;) worden niet ondersteund; gebruik doses</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="128"/>
        <source>a field name must be plain text</source>
        <translation>een veldnaam moet gewone tekst zijn</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="133"/>
        <source>given twice</source>
        <translation>staat er twee keer</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="135"/>
        <source>unknown field{hint}</source>
        <translation>onbekend veld{hint}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="141"/>
        <source>required field missing</source>
        <translation>verplicht veld ontbreekt</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="147"/>
        <source>expected a list, found {found}</source>
        <translation>hier hoort een lijst, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="154"/>
        <source>expected a single value, found {found}</source>
        <translation>hier hoort één waarde, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="166"/>
        <source>not a valid {kind}: {error}</source>
        <translation>geen geldige {kind}: {error}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="177"/>
        <source>a number of {digits} digits is far too large</source>
        <translation>een getal van {digits} cijfers is veel te groot</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="212"/>
        <source>expected text, found {found}</source>
        <translation>hier hoort tekst, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="217"/>
        <source>not valid text (a lone \uD800-\uDFFF escape)</source>
        <translation>geen geldige tekst (een losse \uD800-\uDFFF-escape)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="219"/>
        <source>must not be empty</source>
        <translation>mag niet leeg zijn</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="224"/>
        <source>{count} characters is too long; at most {most:,}</source>
        <translation>{count} tekens is te lang; hoogstens {most:,}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="233"/>
        <source>a word of more than {most} characters ({word}) cannot be shown; add spaces</source>
        <translation>een woord van meer dan {most} tekens ({word}) past niet op het scherm; zet er spaties in</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="247"/>
        <source>{text!r} is not an identifier: use lowercase letters, digits and dashes</source>
        <translation>{text!r} is geen geldige naam: gebruik kleine letters, cijfers en streepjes</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="257"/>
        <source>give the text in nl, en or both</source>
        <translation>geef de tekst in nl, en of allebei</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="264"/>
        <source>expected true or false, found {found}</source>
        <translation>hier hoort true of false, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="273"/>
        <source>expected a whole number, found {found}</source>
        <translation>hier hoort een heel getal, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="274"/>
        <source>expected a number, found {found}</source>
        <translation>hier hoort een getal, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="276"/>
        <source>must be a finite number</source>
        <translation>moet een eindig getal zijn</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="278"/>
        <source>must be more than 0, found {found}</source>
        <translation>moet meer dan 0 zijn, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="283"/>
        <source>must be at least {least:g}, found {found}</source>
        <translation>moet minstens {least:g} zijn, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="289"/>
        <source>must be at most {most:g}, found {found}</source>
        <translation>mag hoogstens {most:g} zijn, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="300"/>
        <source>{text!r} is not one of {choices}{hint}</source>
        <translation>{text!r} is niet een van {choices}{hint}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="314"/>
        <source>{count} times; at most {most}</source>
        <translation>{count} tijdstippen; hoogstens {most}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="329"/>
        <source>{text!r} is not a time of day as HH:MM (09:00)</source>
        <translation>{text!r} is geen tijdstip als UU:MM (09:00)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="333"/>
        <source>{text} is given twice</source>
        <translation>{text} staat er twee keer</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="341"/>
        <source>{count} check-ins; at most {most}</source>
        <translation>{count} controlemomenten; hoogstens {most}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="350"/>
        <source>week {week:g} is given twice</source>
        <translation>week {week:g} staat er twee keer</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="358"/>
        <source>say what right, left or both mean</source>
        <translation>zeg wat rechts, links of beide betekenen</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="381"/>
        <source>min ({low:g}) is more than max ({high:g})</source>
        <translation>min ({low:g}) is meer dan max ({high:g})</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="401"/>
        <source>a mapping</source>
        <translation>velden</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="403"/>
        <source>a list</source>
        <translation>een lijst</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/reader.py" line="405"/>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="23"/>
        <source>reading the next part</source>
        <translation>bij het lezen van het volgende stuk</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="24"/>
        <source>reading a field name</source>
        <translation>bij het lezen van een veldnaam</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="25"/>
        <source>reading text in quotes</source>
        <translation>bij het lezen van tekst tussen aanhalingstekens</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="26"/>
        <source>reading text in double quotes</source>
        <translation>bij het lezen van tekst tussen dubbele aanhalingstekens</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="27"/>
        <source>reading text after | or &gt;</source>
        <translation>bij het lezen van tekst na | of &gt;</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="28"/>
        <source>reading indented fields (name: value)</source>
        <translation>bij het lezen van ingesprongen velden (naam: waarde)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="29"/>
        <source>reading an indented list or fields</source>
        <translation>bij het lezen van een ingesprongen lijst of velden</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="30"/>
        <source>reading a list in [ ]</source>
        <translation>bij het lezen van een lijst tussen [ ]</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="31"/>
        <source>reading fields in curly brackets</source>
        <translation>bij het lezen van velden tussen accolades</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="32"/>
        <source>reading an indented value</source>
        <translation>bij het lezen van een ingesprongen waarde</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="33"/>
        <source>reading a value in brackets</source>
        <translation>bij het lezen van een waarde tussen haakjes</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="34"/>
        <source>a file holds one document only</source>
        <translation>er hoort één document in het bestand</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="35"/>
        <source>another one follows (after ---)</source>
        <translation>er volgt nog een tweede (na ---)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="36"/>
        <source>the colon (:) after it is missing</source>
        <translation>de dubbele punt (:) erna ontbreekt</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="39"/>
        <source>no name: value may stand here (one space or indent too many or too few?)</source>
        <translation>hier mag geen naam: waarde staan (een spatie of inspringing te veel of te weinig?)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="41"/>
        <source>no field name may stand here</source>
        <translation>hier mag geen veldnaam staan</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="42"/>
        <source>no list line (with -) may stand here</source>
        <translation>hier mag geen lijstregel (met -) staan</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="43"/>
        <source>the file ends before it is closed</source>
        <translation>het bestand houdt op voordat het gesloten is</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="46"/>
        <source>the character {found} cannot stand here (indented with a tab? use spaces)</source>
        <translation>teken {found} kan hier niet staan (springt u in met een tab? gebruik spaties)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="50"/>
        <source>unknown escape {found}</source>
        <translation>onbekend escapeteken {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="51"/>
        <source>unknown alias {found}</source>
        <translation>onbekende alias {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="54"/>
        <source>the indentation is wrong: the block should end here, found {found}</source>
        <translation>de inspringing klopt niet: hier hoort het blok te eindigen, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="58"/>
        <source>a &apos;,&apos; or &apos;]&apos; belongs here, found {found}</source>
        <translation>hier hoort &apos;,&apos; of &apos;]&apos;, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="62"/>
        <source>a &apos;,&apos; or &apos;}}&apos; belongs here, found {found}</source>
        <translation>hier hoort &apos;,&apos; of &apos;}}&apos;, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="66"/>
        <source>a value belongs here, found {found}</source>
        <translation>hier hoort een waarde, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="70"/>
        <source>a comment or a new line belongs here, found {found}</source>
        <translation>hier hoort commentaar of een nieuwe regel, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="74"/>
        <source>a letter or digit belongs here, found {found}</source>
        <translation>hier hoort een letter of cijfer, gevonden: {found}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="97"/>
        <source>{context}: {problem}</source>
        <translation>{context}: {problem}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="129"/>
        <source>{text} is not a finite number; write a figure such as 30</source>
        <translation>{text} is geen eindig getal; schrijf een getal zoals 30</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="131"/>
        <source>{text} is far too large</source>
        <translation>{text} is veel te groot</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="137"/>
        <source>YAML 1.1 reads {text} as {meant} (base 60); write the figure you mean, e.g. {meant}</source>
        <translation>YAML 1.1 leest {text} als {meant} (zestigtallig); schrijf het getal dat u bedoelt, bijv. {meant}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="143"/>
        <source>write {meant} without the _ (YAML 1.1 reads {text} as {meant})</source>
        <translation>schrijf {meant} zonder de _ (YAML 1.1 leest {text} als {meant})</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="152"/>
        <source>write {meant} (YAML reads {text} as a hexadecimal number)</source>
        <translation>schrijf {meant} (YAML leest {text} als een hexadecimaal getal)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="153"/>
        <source>write {meant} (YAML reads {text} as a binary number)</source>
        <translation>schrijf {meant} (YAML leest {text} als een binair getal)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="155"/>
        <source>write {meant} (a leading 0 makes YAML read {text} as octal, {octal})</source>
        <translation>schrijf {meant} (door de 0 vooraan leest YAML {text} als octaal getal, {octal})</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="161"/>
        <source>{text} is not a number as sitimer reads one; write a figure such as 30</source>
        <translation>{text} is geen getal zoals sitimer het leest; schrijf een getal zoals 30</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/figure/library.py" line="29"/>
        <source>no pose named {name!r}</source>
        <translation>geen houding met de naam {name!r}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/figure/library.py" line="32"/>
        <source>{base!r} is not a base; use stand, back or front</source>
        <translation>{base!r} is geen base; gebruik stand, back of front</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/figure/library.py" line="34"/>
        <location filename="../../sitimer/core/figure/pose.py" line="125"/>
        <source>no joint named {joint!r}</source>
        <translation>geen gewricht met de naam {joint!r}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/figure/library.py" line="36"/>
        <source>an angle is a number of degrees, not {value!r}</source>
        <translation>een hoek is een aantal graden, niet {value!r}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/figure/pose.py" line="127"/>
        <source>{value:g}° is beyond what a body can do: {joint} goes from {low:g} to {high:g}°</source>
        <translation>{value:g}° is voor een lichaam niet mogelijk: {joint} gaat van {low:g} tot {high:g}°</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/editing.py" line="118"/>
        <location filename="../../sitimer/core/programme/loader.py" line="138"/>
        <source>not a programme</source>
        <translation>geen programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="80"/>
        <source>no dose named {name!r}{hint}</source>
        <translation>geen dosering met de naam {name!r}{hint}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="93"/>
        <source>no phase named {name!r}{hint}</source>
        <translation>geen fase met de naam {name!r}{hint}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="98"/>
        <source>needs sides: alternate or each</source>
        <translation>heeft kanten nodig: alternate of each</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="115"/>
        <source>give figure or media, not both</source>
        <translation>geef figure of media, niet allebei</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="127"/>
        <source>give reps or reps_per_side, not both</source>
        <translation>geef reps of reps_per_side, niet allebei</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="143"/>
        <source>required field missing (reps, hold, timed or activity)</source>
        <translation>verplicht veld ontbreekt (reps, hold, timed of activity)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="149"/>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="205"/>
        <source>not used by a {kind} exercise</source>
        <translation>wordt niet gebruikt bij een oefening van soort {kind}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="158"/>
        <source>{sides!r} does not fit a {kind} exercise; use {allowed}</source>
        <translation>{sides!r} past niet bij een oefening van soort {kind}; gebruik {allowed}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="217"/>
        <source>required field missing (reps or reps_per_side)</source>
        <translation>verplicht veld ontbreekt (reps of reps_per_side)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="226"/>
        <source>reps_per_side needs sides: alternate or each; use reps</source>
        <translation>reps_per_side heeft kanten nodig: alternate of each; gebruik reps</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="234"/>
        <source>{reps} reps cannot be split evenly over both sides; use reps_per_side</source>
        <translation>{reps} herhalingen zijn niet gelijk over beide kanten te verdelen; gebruik reps_per_side</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/exercise_entry.py" line="246"/>
        <location filename="../../sitimer/core/programme/figure_entry.py" line="208"/>
        <source>required field missing for a {kind} exercise</source>
        <translation>verplicht veld ontbreekt voor een oefening van soort {kind}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="65"/>
        <source>not a regular file (a folder, pipe or device); a programme is a .yaml file</source>
        <translation>geen gewoon bestand (een map, pipe of apparaat); een programma is een .yaml-bestand</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="68"/>
        <source>larger than 1 MB; not a programme</source>
        <translation>groter dan 1 MB; dit is geen programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="70"/>
        <source>cannot read: {error}</source>
        <translation>kan niet worden gelezen: {error}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="74"/>
        <source>not UTF-8 text (byte {at})</source>
        <translation>geen UTF-8-tekst (byte {at})</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="98"/>
        <source>not valid YAML</source>
        <translation>geen geldige YAML</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="106"/>
        <source>the list opened here with {open} is not closed: end it with {close}</source>
        <translation>de lijst die hier met {open} begint, is niet gesloten: sluit hem af met {close}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/yaml_words.py" line="110"/>
        <source>the mapping opened here with {open} is not closed: end it with {close}</source>
        <translation>de groep die hier met {open} begint, is niet gesloten: sluit hem af met {close}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="109"/>
        <source>a character YAML does not allow ({code}); save the file as plain UTF-8 text</source>
        <translation>een teken dat YAML niet toestaat ({code}); sla het bestand op als gewone UTF-8-tekst</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="116"/>
        <location filename="../../sitimer/core/programme/loader.py" line="134"/>
        <source>nested too deeply</source>
        <translation>te diep genest</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="125"/>
        <source>the file is empty; a programme needs id, title, frequency and exercises</source>
        <translation>het bestand is leeg; een programma heeft id, title, frequency en exercises nodig</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="180"/>
        <source>a session of every exercise lasts {length}; at most {most}: split them over several programmes</source>
        <translation>een sessie met alle oefeningen duurt {length}; hoogstens {most}: verdeel ze over meer programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="194"/>
        <source>no exercise is switched on (each has enabled: false, or its phase has): switch at least one on</source>
        <translation>er staat geen oefening aan (elke oefening heeft enabled: false, of haar fase): zet er minstens één aan</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="210"/>
        <source>a programme needs at least one exercise</source>
        <translation>een programma heeft minstens één oefening nodig</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="215"/>
        <source>{count} exercises; at most {most}: split them over several programmes</source>
        <translation>{count} oefeningen; hoogstens {most}: verdeel ze over meer programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="229"/>
        <source>{id!r} is used twice (also {other})</source>
        <translation>{id!r} wordt twee keer gebruikt (ook bij {other})</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="273"/>
        <source>{weeks} and {week}</source>
        <translation>{weeks} en {week}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="277"/>
        <source>one check-in is the review, not weeks {weeks}</source>
        <translation>één controlemoment is de controle, niet weken {weeks}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="283"/>
        <source>the review is week {weeks:g} (weeks), not week {review:g}</source>
        <translation>de controle is in week {weeks:g} (weeks), niet in week {review:g}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="305"/>
        <source>{count} phases; at most {most}</source>
        <translation>{count} fasen; hoogstens {most}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/loader.py" line="315"/>
        <source>{id!r} is used twice</source>
        <translation>{id!r} wordt twee keer gebruikt</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="46"/>
        <source>write the path with / between folders, and no control characters</source>
        <translation>schrijf het pad met / tussen de mappen, en zonder stuurtekens</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="51"/>
        <source>{name!r} is outside the programme&apos;s folder; put the file beside the programme and give its name there (photo.jpg, media/photo.jpg)</source>
        <translation>{name!r} staat buiten de map van het programma; zet het bestand naast het programma en geef de naam vanaf daar (foto.jpg, media/foto.jpg)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="62"/>
        <source>{name!r} is not a photo or video sitimer shows: use {photos} (photo) or {videos} (video)</source>
        <translation>{name!r} is geen foto of video die sitimer toont: gebruik {photos} (foto) of {videos} (video)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="86"/>
        <source>no file {name!r} beside the programme (looked in {folder})</source>
        <translation>geen bestand {name!r} naast het programma (gezocht in {folder})</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="92"/>
        <location filename="../../sitimer/core/programme/media_entry.py" line="103"/>
        <source>cannot read {name!r}: {error}</source>
        <translation>{name!r} kan niet worden gelezen: {error}</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="96"/>
        <source>{name!r} is not a file (a folder, pipe or device)</source>
        <translation>{name!r} is geen bestand (een map, pipe of apparaat)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="107"/>
        <source>{name!r} is empty</source>
        <translation>{name!r} is leeg</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="109"/>
        <source>{name!r} is not a PNG or JPEG photo (damaged, or another kind of file renamed)</source>
        <translation>{name!r} is geen PNG- of JPEG-foto (beschadigd, of een ander soort bestand met een andere naam)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="115"/>
        <source>{name!r} is cut short: the photo&apos;s end is missing (damaged, or not copied whole)</source>
        <translation>{name!r} is afgebroken: het einde van de foto ontbreekt (beschadigd, of niet helemaal gekopieerd)</translation>
    </message>
    <message>
        <location filename="../../sitimer/core/programme/media_entry.py" line="119"/>
        <source>{name!r} is not a video sitimer knows (MP4, MOV, WebM, MKV or AVI)</source>
        <translation>{name!r} is geen video die sitimer kent (MP4, MOV, WebM, MKV of AVI)</translation>
    </message>
</context>
<context>
    <name>ProgrammeForm</name>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="379"/>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="382"/>
        <source> weeks</source>
        <translation> weken</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="383"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="386"/>
        <source>e.g. 09:00, 19:00</source>
        <translation>bijv. 09:00, 19:00</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="387"/>
        <source>Reminder times</source>
        <translation>Tijden voor een herinnering</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="388"/>
        <source>Sessions a day, from</source>
        <translation>Sessies per dag, van</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="389"/>
        <source>Sessions a day, up to</source>
        <translation>Sessies per dag, tot</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="394"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="403"/>
        <source>Sessions a day</source>
        <translation>Sessies per dag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="404"/>
        <source>Review after</source>
        <translation>Controle na</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="405"/>
        <source>Reminders</source>
        <translation>Herinneringen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/editor/form.py" line="406"/>
        <source>Phases</source>
        <translation>Fasen</translation>
    </message>
</context>
<context>
    <name>ProgrammeList</name>
    <message>
        <location filename="../../sitimer/qt/picker/programme_list.py" line="48"/>
        <source>Programmes</source>
        <translation>Programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/programme_list.py" line="73"/>
        <source>Bundled programmes</source>
        <translation>Meegeleverde programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/programme_list.py" line="76"/>
        <source>Your programmes</source>
        <translation>Uw eigen programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/programme_list.py" line="81"/>
        <source>None yet. Put programme files in:
{0}</source>
        <translation>Nog geen. Zet programmabestanden in deze map:
{0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/programme_list.py" line="87"/>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/programme_list.py" line="136"/>
        <source>Cannot be used: 1 problem</source>
        <translation>Niet te gebruiken: 1 probleem</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/programme_list.py" line="138"/>
        <source>Cannot be used: {0} problems</source>
        <translation>Niet te gebruiken: {0} problemen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/programme_list.py" line="166"/>
        <source>{0} (your copy, {1})</source>
        <translation>{0} (uw eigen versie, {1})</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/programme_list.py" line="169"/>
        <source>{0} (your copy)</source>
        <translation>{0} (uw eigen versie)</translation>
    </message>
</context>
<context>
    <name>ProgrammePicker</name>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="104"/>
        <source>Choose your programme</source>
        <translation>Kies uw programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="129"/>
        <source>Open file…</source>
        <translation>Bestand openen…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="130"/>
        <source>Open a programme file</source>
        <translation>Een programmabestand openen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="140"/>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="143"/>
        <source>Time it takes a day</source>
        <translation>Tijd per dag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="145"/>
        <source>Your sessions today</source>
        <translation>Uw sessies van vandaag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="149"/>
        <source>Exercises and their doses</source>
        <translation>Oefeningen en hun dosering</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="160"/>
        <source>Why this file cannot be used</source>
        <translation>Waarom dit bestand niet kan worden gebruikt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="184"/>
        <source>Programme details</source>
        <translation>Over het programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="198"/>
        <source>Start  ▶</source>
        <translation>Beginnen  ▶</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="198"/>
        <source>Start this programme</source>
        <translation>Dit programma beginnen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="203"/>
        <location filename="../../sitimer/qt/picker/picker.py" line="349"/>
        <source>or press Enter</source>
        <translation>of druk op Enter</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="206"/>
        <source>Your progress</source>
        <translation>Uw voortgang</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="207"/>
        <source>Your progress with this programme</source>
        <translation>Uw voortgang met dit programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="211"/>
        <source>Handout (PDF)…</source>
        <translation>Oefenschema (PDF)…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="212"/>
        <source>Print or save the programme for the patient</source>
        <translation>Het programma afdrukken of opslaan voor de patiënt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="216"/>
        <source>Save programme file…</source>
        <translation>Programmabestand opslaan…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="217"/>
        <source>Save the programme file to hand over</source>
        <translation>Het programmabestand opslaan om mee te geven</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="221"/>
        <source>Edit…</source>
        <translation>Aanpassen…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="222"/>
        <source>Tailor this programme for the patient</source>
        <translation>Dit programma aanpassen voor de patiënt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="226"/>
        <source>Reminders…</source>
        <translation>Herinneringen…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="226"/>
        <source>When sitimer reminds you</source>
        <translation>Wanneer sitimer u herinnert</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="323"/>
        <source>Open a programme</source>
        <translation>Een programma openen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="325"/>
        <source>Programmes (*.yaml *.yml);;All files (*)</source>
        <translation>Programma&apos;s (*.yaml *.yml);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="349"/>
        <source>Daily activities only</source>
        <translation>Alleen dagelijkse activiteiten</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="365"/>
        <source>No programme selected</source>
        <translation>Geen programma gekozen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/picker/picker.py" line="370"/>
        <source>This file cannot be used. Ask your therapist for a corrected file.</source>
        <translation>Dit bestand kan niet worden gebruikt. Vraag uw therapeut om een verbeterd bestand.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../sitimer/qt/common/translation.py" line="13"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/translation.py" line="14"/>
        <source>Files of &amp;type:</source>
        <translation>Bestanden van &amp;type:</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/common/translation.py" line="15"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <location filename="../../sitimer/qt/session/questions.py" line="57"/>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/questions.py" line="129"/>
        <source>Yesterday: {0} of {1} sessions</source>
        <translation>Gisteren: {0} van de {1} sessies</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/questions.py" line="130"/>
        <source>Yesterday: no session</source>
        <translation>Gisteren: geen sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/questions.py" line="132"/>
        <source>What kept you from the exercises yesterday? One tap is enough; it helps your therapist.</source>
        <translation>Wat hield u gisteren van de oefeningen af? Eén tik is genoeg; het helpt uw therapeut.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/questions.py" line="156"/>
        <source>Your exercises this past week</source>
        <translation>Uw oefeningen de afgelopen week</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/questions.py" line="157"/>
        <source>How far do you agree with each sentence? There are no wrong answers.</source>
        <translation>In hoeverre bent u het eens met elke zin? Er zijn geen foute antwoorden.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/questions.py" line="85"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
</context>
<context>
    <name>RatingView</name>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="49"/>
        <source>no pain</source>
        <translation>geen pijn</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="49"/>
        <source>worst pain</source>
        <translation>ergste pijn</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="212"/>
        <source>Pain before you start</source>
        <translation>Pijn voordat u begint</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="212"/>
        <source>How did it go?</source>
        <translation>Hoe ging het?</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="214"/>
        <source>Pain now</source>
        <translation>Pijn nu</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="214"/>
        <source>How hard was it?</source>
        <translation>Hoe zwaar was het?</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="218"/>
        <source>A note for your therapist (optional)</source>
        <translation>Een notitie voor uw therapeut (mag leeg)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="222"/>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="223"/>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="223"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="233"/>
        <source>Saved. Thank you!</source>
        <translation>Opgeslagen. Dank u!</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/rating.py" line="257"/>
        <source>Digits 0–9 (T = 10) · arrows · Enter · Esc skips</source>
        <translation>Cijfers 0–9 (T = 10) · pijltjes · Enter · Esc slaat over</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <location filename="../../sitimer/qt/reminders/banner.py" line="25"/>
        <source>Reminder</source>
        <translation>Herinnering</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/banner.py" line="34"/>
        <source>Close the reminder</source>
        <translation>Herinnering sluiten</translation>
    </message>
</context>
<context>
    <name>ReminderFlow</name>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="77"/>
        <location filename="../../sitimer/qt/reminders/flow.py" line="87"/>
        <source>Reminders…</source>
        <translation>Herinneringen…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="84"/>
        <source>sitimer: reminders for your exercises</source>
        <translation>sitimer: herinneringen voor uw oefeningen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="86"/>
        <source>Open sitimer</source>
        <translation>sitimer openen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="89"/>
        <source>Quit sitimer</source>
        <translation>sitimer afsluiten</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="154"/>
        <source>Reminders</source>
        <translation>Herinneringen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="156"/>
        <source>Shall sitimer remind you of “{0}” at {1}?</source>
        <translation>Wilt u dat sitimer u om {1} herinnert aan “{0}”?</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="163"/>
        <source>sitimer then starts when you log in, to remind you. You can change the times, or turn them off, under Reminders…</source>
        <translation>sitimer start dan als u inlogt, om u te herinneren. U kunt de tijden wijzigen of uitzetten onder Herinneringen…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="167"/>
        <source>You can change the times, or turn them off, under Reminders…</source>
        <translation>U kunt de tijden wijzigen of uitzetten onder Herinneringen…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="169"/>
        <source>Yes, remind me</source>
        <translation>Ja, herinner mij</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="170"/>
        <source>Choose times…</source>
        <translation>Tijden kiezen…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/flow.py" line="171"/>
        <source>No, thanks</source>
        <translation>Nee, bedankt</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <location filename="../../sitimer/qt/reminders/service.py" line="231"/>
        <source>How are your complaints?</source>
        <translation>Hoe gaat het met uw klachten?</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/service.py" line="230"/>
        <source>Answer now</source>
        <translation>Nu beantwoorden</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/service.py" line="230"/>
        <location filename="../../sitimer/qt/reminders/service.py" line="237"/>
        <source>Not today</source>
        <translation>Vandaag niet</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/service.py" line="234"/>
        <source>Start now</source>
        <translation>Nu beginnen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/service.py" line="236"/>
        <source>In 15 minutes</source>
        <translation>Over 15 minuten</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/service.py" line="240"/>
        <source>Time for your exercises</source>
        <translation>Tijd voor uw oefeningen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/service.py" line="242"/>
        <source>{0}: {1} of 1 session done today.</source>
        <translation>{0}: vandaag {1} van 1 sessie gedaan.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/service.py" line="244"/>
        <source>{0}: {1} of {2} sessions done today.</source>
        <translation>{0}: vandaag {1} van {2} sessies gedaan.</translation>
    </message>
</context>
<context>
    <name>ReminderSettingsView</name>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="91"/>
        <source>Reminders</source>
        <translation>Herinneringen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="97"/>
        <source>Remind me at my programme&apos;s times</source>
        <translation>Herinner mij op de tijden van mijn programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="104"/>
        <source>Quiet hours: no reminders from</source>
        <translation>Stille uren: geen herinneringen van</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="106"/>
        <source>Quiet hours from</source>
        <translation>Stille uren vanaf</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="108"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="110"/>
        <source>Quiet hours until</source>
        <translation>Stille uren tot</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="114"/>
        <source>A reminder in the quiet hours waits until they end, if that is the same day.</source>
        <translation>Een herinnering in de stille uren wacht tot die voorbij zijn, als dat dezelfde dag is.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="119"/>
        <source>Start sitimer when I log in, so that reminders come</source>
        <translation>sitimer starten als ik inlog, zodat de herinneringen komen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="128"/>
        <source>Starting at login is not available on this system.</source>
        <translation>Starten bij het inloggen kan niet op dit systeem.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="133"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="152"/>
        <source>There is no programme to remind you of.</source>
        <translation>Er is geen programma om u aan te herinneren.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="157"/>
        <source>{0}: once a day at {1}, to keep the exercises up</source>
        <translation>{0}: één keer per dag om {1}, om te blijven oefenen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="163"/>
        <source>Stop these reminders</source>
        <translation>Deze herinneringen stoppen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="169"/>
        <source>{0}, at:</source>
        <translation>{0}, om:</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="173"/>
        <source>no reminders</source>
        <translation>geen herinneringen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="174"/>
        <source>Times of day as HH:MM, separated by commas; empty for no reminders</source>
        <translation>Tijden als UU:MM, gescheiden door komma’s; leeg voor geen herinneringen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="181"/>
        <source>Suggested: {0}</source>
        <translation>Voorgesteld: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="194"/>
        <source>“{0}” is not a list of times; write them as 09:00, 19:00.</source>
        <translation>“{0}” is geen lijst van tijden; schrijf ze als 09:00, 19:00.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="216"/>
        <source>{0} is in your quiet hours, which end the next day: no reminder comes then.</source>
        <translation>{0} valt in uw stille uren, die pas de volgende dag eindigen: dan komt er geen herinnering.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/reminders/settings.py" line="262"/>
        <source>Could not change it: {0}</source>
        <translation>Kon het niet wijzigen: {0}</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="88"/>
        <source>Prescribed: {per_day} sessions a day{weeks}.</source>
        <translation>Voorgeschreven: {per_day} sessies per dag{weeks}.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="125"/>
        <source>Adherence per week</source>
        <translation>Therapietrouw per week</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="115"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="258"/>
        <source>Week of</source>
        <translation>Week van</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="116"/>
        <source>Sessions done / prescribed</source>
        <translation>Sessies gedaan / voor­geschreven</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="117"/>
        <source>Adherence</source>
        <translation>Therapie­trouw</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="118"/>
        <source>Days kept</source>
        <translation>Dagen volgens schema</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="84"/>
        <source>, for 1 week</source>
        <translation>, 1 week lang</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="58"/>
        <source>Exercise report</source>
        <translation>Oefenverslag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="65"/>
        <source>Patient: {name}</source>
        <translation>Patiënt: {name}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="67"/>
        <source>Patient code: {code}</source>
        <translation>Patiëntcode: {code}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="68"/>
        <source>Made by sitimer on {day}. Runs at demonstration speed are left out.</source>
        <translation>Gemaakt door sitimer op {day}. Sessies op demonstratiesnelheid zijn weggelaten.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="75"/>
        <source>No sessions recorded in this period.</source>
        <translation>Geen sessies vastgelegd in deze periode.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="86"/>
        <source>Prescribed: 1 session a day{weeks}.</source>
        <translation>Voorgeschreven: 1 sessie per dag{weeks}.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="90"/>
        <source>Period: {first} to {last} ({days}), {count}.</source>
        <translation>Periode: {first} tot en met {last} ({days}), {count}.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="93"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="162"/>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="93"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="162"/>
        <source>{n} days</source>
        <translation>{n} dagen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="94"/>
        <source>1 session recorded</source>
        <translation>1 sessie vastgelegd</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="94"/>
        <source>{n} sessions recorded</source>
        <translation>{n} sessies vastgelegd</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="230"/>
        <source>1 set</source>
        <translation>1 serie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="230"/>
        <source>{n:g} sets</source>
        <translation>{n:g} series</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="217"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="234"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="235"/>
        <source>1 rep</source>
        <translation>1 herhaling</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="217"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="234"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="235"/>
        <source>{n:g} reps</source>
        <translation>{n:g} herhalingen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="219"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="229"/>
        <source>1 time</source>
        <translation>1 keer</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="219"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="229"/>
        <source>{n:g} times</source>
        <translation>{n:g} keer</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="236"/>
        <source>{time} in all</source>
        <translation>{time} in totaal</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="257"/>
        <source>Mean pain after</source>
        <translation>Gemiddelde pijn na afloop</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="258"/>
        <source>Mean pain before</source>
        <translation>Gemiddelde pijn vooraf</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="285"/>
        <source>Dose per exercise</source>
        <translation>Dosering per oefening</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="288"/>
        <source>Exercise</source>
        <translation>Oefening</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="288"/>
        <source>Per session</source>
        <translation>Per sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="288"/>
        <source>Done in the period</source>
        <translation>Gedaan in de periode</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="288"/>
        <source>Of prescribed</source>
        <translation>Van het voorschrift</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="240"/>
        <source>Pain and effort</source>
        <translation>Pijn en inspanning</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="84"/>
        <source>, for {n} weeks</source>
        <translation>, {n} weken lang</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="108"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="108"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="119"/>
        <source>≥ 80&#xa0;%</source>
        <translation>≥ 80&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="120"/>
        <source>Extra</source>
        <translation>Extra</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="121"/>
        <source>Not completed</source>
        <translation>Niet afge­maakt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="128"/>
        <source>A session counts as done when at least 80&#xa0;% of its prescribed dose was done. ≥ 80&#xa0;%: the week is adherent (80&#xa0;% or more of its prescribed sessions done). Extra: sessions above the day&apos;s minimum, shown apart; they make up for no other day. Not completed: begun, but stopped, cut off or done for less than 80&#xa0;% of the dose.</source>
        <translation>Een sessie telt als gedaan wanneer ten minste 80&#xa0;% van de voorgeschreven dosis is gedaan. ≥ 80&#xa0;%: de week is therapietrouw (80&#xa0;% of meer van de voorgeschreven sessies gedaan). Extra: sessies boven het minimum van de dag, apart getoond; ze maken geen andere dag goed. Niet afgemaakt: begonnen, maar gestopt, afgebroken of voor minder dan 80&#xa0;% van de dosis gedaan.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="137"/>
        <source>1 session was stopped early or cut off, or done for less than 80&#xa0;% of its dose; its finished steps count towards the dose below.</source>
        <translation>1 sessie is voortijdig gestopt of afgebroken, of voor minder dan 80&#xa0;% van de dosis gedaan; de afgemaakte stappen tellen mee voor de dosis hieronder.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="141"/>
        <source>{n} sessions were stopped early or cut off, or done for less than 80&#xa0;% of their dose; their finished steps count towards the dose below.</source>
        <translation>{n} sessies zijn voortijdig gestopt of afgebroken, of voor minder dan 80&#xa0;% van de dosis gedaan; de afgemaakte stappen tellen mee voor de dosis hieronder.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="164"/>
        <source>{ticked} of {days}</source>
        <translation>{ticked} van {days}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="166"/>
        <source>Daily activity, apart from the sessions</source>
        <translation>Dagelijkse activiteit, naast de sessies</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="167"/>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="167"/>
        <source>Ticked off on</source>
        <translation>Afgevinkt op</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="173"/>
        <source>Reported by the patient</source>
        <translation>Door de patiënt zelf gemeld</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="175"/>
        <source>Nothing reported apart from the sessions.</source>
        <translation>Naast de sessies niets gemeld.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="181"/>
        <source>EARS (higher: more adherent)</source>
        <translation>EARS (hoger: meer therapietrouw)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="181"/>
        <location filename="../../sitimer/qt/progress/report_html.py" line="190"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="190"/>
        <source>Global perceived effect (1–7)</source>
        <translation>Globaal ervaren effect (1–7)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="198"/>
        <source>PSK activity (0–10)</source>
        <translation>PSK-activiteit (0–10)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="203"/>
        <source>Why sessions were missed: {reasons}.</source>
        <translation>Waarom sessies niet doorgingen: {reasons}.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="215"/>
        <source>(until {day}: {dose})</source>
        <translation>(tot en met {day}: {dose})</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="246"/>
        <source>pain now (0–10)</source>
        <translation>pijn nu (0–10)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="247"/>
        <source>effort (Borg CR10)</source>
        <translation>inspanning (Borg CR10)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="257"/>
        <source>Mean pain</source>
        <translation>Gemiddelde pijn</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="258"/>
        <source>Mean effort</source>
        <translation>Gemiddelde inspanning</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="243"/>
        <source>No ratings were given.</source>
        <translation>Er zijn geen scores gegeven.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/progress/report_html.py" line="296"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message>
        <location filename="../../sitimer/qt/app/flow.py" line="133"/>
        <source>Your history</source>
        <translation>Uw geschiedenis</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/flow.py" line="220"/>
        <source>Not kept in your programmes ({0}): open the file again next time.</source>
        <translation>Niet bewaard bij uw eigen programma&apos;s ({0}): open het bestand de volgende keer opnieuw.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/flow.py" line="224"/>
        <source>Kept in your programmes as {0}: it is in the list next time.</source>
        <translation>Bewaard bij uw eigen programma&apos;s als {0}: de volgende keer staat het in de lijst.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/flow.py" line="257"/>
        <source>This file cannot be used. Ask your therapist for a corrected file.</source>
        <translation>Dit bestand kan niet worden gebruikt. Vraag uw therapeut om een verbeterd bestand.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/flow.py" line="259"/>
        <source>This programme cannot be used</source>
        <translation>Dit programma kan niet worden gebruikt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/flow.py" line="263"/>
        <source>This programme has daily activities only: tick each off in the list when it is done.</source>
        <translation>Dit programma heeft alleen dagelijkse activiteiten: vink elke activiteit in de lijst af als u die gedaan hebt.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/app/flow.py" line="269"/>
        <source>No session</source>
        <translation>Geen sessie</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="76"/>
        <source>Exercise session</source>
        <translation>Oefensessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="92"/>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="93"/>
        <source>Set</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="98"/>
        <source>Exercise</source>
        <translation>Oefening</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="100"/>
        <source>Instructions</source>
        <translation>Uitleg</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="105"/>
        <source>Side</source>
        <translation>Kant</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="107"/>
        <source>Progress of this step</source>
        <translation>Voortgang van deze stap</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="108"/>
        <source>What comes next</source>
        <translation>Wat hierna komt</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="110"/>
        <source>Progress of the session</source>
        <translation>Voortgang van de sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="111"/>
        <source>Session time left</source>
        <translation>Resterende tijd van de sessie</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="147"/>
        <source>Sound: on</source>
        <translation>Geluid: aan</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="147"/>
        <source>Sound: off</source>
        <translation>Geluid: uit</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="153"/>
        <source>◀ Back</source>
        <translation>◀ Terug</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="153"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="153"/>
        <source>Left arrow</source>
        <translation>pijltje naar links</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="154"/>
        <source>↻ Set again</source>
        <translation>↻ Opnieuw</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="154"/>
        <source>Start this set again</source>
        <translation>Deze serie opnieuw beginnen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="155"/>
        <source>− Slower</source>
        <translation>− Trager</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="155"/>
        <source>Count slower</source>
        <translation>Trager tellen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="160"/>
        <source>Space</source>
        <translation>spatiebalk</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="163"/>
        <source>+ Faster</source>
        <translation>+ Sneller</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="163"/>
        <source>Count faster</source>
        <translation>Sneller tellen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="164"/>
        <source>✓ Done</source>
        <translation>✓ Klaar</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="164"/>
        <source>Done: rep or step</source>
        <translation>Klaar: herhaling of stap</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="164"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="165"/>
        <source>Skip ▶</source>
        <translation>Volgende ▶</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="165"/>
        <source>Skip to the next step</source>
        <translation>Naar de volgende stap</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="151"/>
        <source>Right arrow</source>
        <translation>pijltje naar rechts</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="166"/>
        <source>Sound on or off</source>
        <translation>Geluid aan of uit</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="148"/>
        <source>✕ Stop</source>
        <translation>✕ Stop</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="167"/>
        <location filename="../../sitimer/qt/session/view.py" line="336"/>
        <source>Stop the session</source>
        <translation>De sessie stoppen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="167"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="138"/>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="129"/>
        <source>Show the moving figure</source>
        <translation>Bewegend figuur tonen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="145"/>
        <source>▶ Start</source>
        <translation>▶ Beginnen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="145"/>
        <source>▶ Go on</source>
        <translation>▶ Verder</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="145"/>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pauze</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="148"/>
        <source>✕ Close</source>
        <translation>✕ Sluiten</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="159"/>
        <source>Pause or go on</source>
        <translation>Pauzeren of verdergaan</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="217"/>
        <source>The sound is off: M turns it on</source>
        <translation>Het geluid staat uit: M zet het aan</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="289"/>
        <source>Figure: on</source>
        <translation>Figuur: aan</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="289"/>
        <source>Figure: off</source>
        <translation>Figuur: uit</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="310"/>
        <source>Fastest tempo</source>
        <translation>Snelste tempo</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="310"/>
        <source>Slowest tempo</source>
        <translation>Traagste tempo</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="312"/>
        <source>Faster</source>
        <translation>Sneller</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="312"/>
        <source>Slower</source>
        <translation>Trager</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="315"/>
        <source>{0}&#xa0;s per rep</source>
        <translation>{0}&#xa0;sec per herhaling</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="317"/>
        <source>Tempo {0}&#xa0;%</source>
        <translation>Tempo {0}&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/view.py" line="336"/>
        <source>Stop the session? What you did is kept.</source>
        <translation>Wilt u stoppen met de sessie? Wat u al gedaan hebt, blijft bewaard.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="62"/>
        <source>Welcome</source>
        <translation>Welkom</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="63"/>
        <source>Type your code, then OK.</source>
        <translation>Typ uw code en druk op OK.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="64"/>
        <source>Your code</source>
        <translation>Uw code</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="79"/>
        <source>That code is not known here. Please ask your therapist.</source>
        <translation>Die code is hier niet bekend. Vraag het uw therapeut.</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="135"/>
        <source>Tap Start, or press Enter or the space bar.</source>
        <translation>Tik op Beginnen, of druk op Enter of de spatiebalk.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/pages.py" line="138"/>
        <source>Start  ▶</source>
        <translation>Beginnen  ▶</translation>
    </message>
</context>
<context>
    <name>TherapistPage</name>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="141"/>
        <source>Codes {0} are shorter than {1} digits and easy to guess: give them new codes.</source>
        <translation>De codes {0} zijn korter dan {1} cijfers en makkelijk te raden: geef deze patiënten nieuwe codes.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="181"/>
        <source>Therapist</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="183"/>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="184"/>
        <source>Lock: back to the start screen</source>
        <translation>Vergrendelen: terug naar het beginscherm</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="186"/>
        <source>&amp;Exit kiosk</source>
        <translation>Kiosk &amp;afsluiten</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="157"/>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="197"/>
        <source>Patient codes</source>
        <translation>Patiëntcodes</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="201"/>
        <source>New code</source>
        <translation>Nieuwe code</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="202"/>
        <source>New code ({0}–{1} digits)</source>
        <translation>Nieuwe code ({0}–{1} cijfers)</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="206"/>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="208"/>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="344"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="209"/>
        <source>Remove the selected code</source>
        <translation>De gekozen code verwijderen</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="149"/>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="358"/>
        <source>Programmes</source>
        <translation>Programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="137"/>
        <source>Code {0} is shorter than {1} digits and easy to guess: give this patient a new code.</source>
        <translation>Code {0} is korter dan {1} cijfers en makkelijk te raden: geef deze patiënt een nieuwe code.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="151"/>
        <source>Programmes of the selected code</source>
        <translation>Programma&apos;s van de gekozen code</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="232"/>
        <source>Less idle time</source>
        <translation>Minder wachttijd</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="233"/>
        <source>More idle time</source>
        <translation>Meer wachttijd</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="246"/>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="359"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="247"/>
        <source>Report (PDF)…</source>
        <translation>Verslag (PDF)…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="249"/>
        <source>History (CSV)…</source>
        <translation>Geschiedenis (CSV)…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="259"/>
        <source>Back to the start screen after</source>
        <translation>Terug naar het beginscherm na</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="266"/>
        <source>Station loop: {0}</source>
        <translation>Station, steeds opnieuw: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="279"/>
        <source>On this desktop (Wayland) the kiosk cannot bring itself back in front: a window that opens over it stays there. For a locked kiosk, log in to the sitimer kiosk session (see the therapist guide).</source>
        <translation>Op deze desktop (Wayland) kan de kiosk zichzelf niet terug naar voren halen: een venster dat erover opent, blijft erover staan. Meld u voor een afgesloten kiosk aan bij de kiosksessie van sitimer (zie de handleiding voor therapeuten).</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="300"/>
        <source>{0}  ·  1 programme</source>
        <translation>{0}  ·  1 programma</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="300"/>
        <source>{0}  ·  {1} programmes</source>
        <translation>{0}  ·  {1} programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="322"/>
        <source>A code is {0} to {1} digits.</source>
        <translation>Een code heeft {0} tot {1} cijfers.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="328"/>
        <source>Now tick the programmes for code {0}.</source>
        <translation>Vink nu de programma&apos;s voor code {0} aan.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="330"/>
        <source>Code {0} drawn for the patient: now tick its programmes.</source>
        <translation>Code {0} gekozen voor de patiënt: vink nu de programma&apos;s aan.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="342"/>
        <source>Remove code {0} and its programmes? Its history is kept.</source>
        <translation>Code {0} en de programma&apos;s ervan verwijderen? De geschiedenis blijft bewaard.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="348"/>
        <source>Code {0} removed; its history is kept.</source>
        <translation>Code {0} verwijderd; de geschiedenis blijft bewaard.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="361"/>
        <source>Programmes of code {0}</source>
        <translation>Programma&apos;s van code {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="362"/>
        <source>Export for code {0}</source>
        <translation>Exporteren voor code {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="396"/>
        <source>{0}&#xa0;min</source>
        <translation>{0}&#xa0;min</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="399"/>
        <source>Back to the start screen after 1 minute idle</source>
        <translation>Terug naar het beginscherm na 1 minuut zonder gebruik</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/kiosk/therapist.py" line="401"/>
        <source>Back to the start screen after {0} minutes idle</source>
        <translation>Terug naar het beginscherm na {0} minuten zonder gebruik</translation>
    </message>
</context>
<context>
    <name>TherapistWindow</name>
    <message>
        <location filename="../../sitimer/qt/therapist/app.py" line="60"/>
        <source>sitimer: practice overview</source>
        <translation>sitimer: overzicht van de praktijk</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/app.py" line="66"/>
        <source>Type the kiosk&apos;s PIN to see the practice&apos;s overview.</source>
        <translation>Typ de pincode van de kiosk om het overzicht van de praktijk te zien.</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/app.py" line="108"/>
        <source>Save as</source>
        <translation>Opslaan als</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/app.py" line="112"/>
        <source>sitimer-{0}-report</source>
        <translation>sitimer-{0}-verslag</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/app.py" line="112"/>
        <source>sitimer-{0}-history</source>
        <translation>sitimer-{0}-geschiedenis</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/app.py" line="125"/>
        <source>Copying the sessions of code {0} from the server…</source>
        <translation>De sessies van code {0} worden van de server gehaald…</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/app.py" line="152"/>
        <source>Not saved: {0}</source>
        <translation>Niet opgeslagen: {0}</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/therapist/app.py" line="153"/>
        <source>Saved {0}: sessions of code {1}: {2}.</source>
        <translation>{0} opgeslagen: sessies van code {1}: {2}.</translation>
    </message>
</context>
<context>
    <name>audio</name>
    <message>
        <location filename="../../sitimer/qt/audio/tones.py" line="414"/>
        <source>No sound device: cues are shown as flashes</source>
        <translation>Geen geluidsapparaat: de signalen worden als flitsen op het scherm getoond</translation>
    </message>
</context>
<context>
    <name>speech</name>
    <message>
        <location filename="../../sitimer/qt/audio/speech.py" line="34"/>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/audio/speech.py" line="34"/>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/audio/speech.py" line="412"/>
        <source>No {0} speech voice and no sound device: cues are not spoken</source>
        <translation>Geen spraakstem voor het {0} en geen geluidsapparaat: de aanwijzingen worden niet uitgesproken</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/audio/speech.py" line="417"/>
        <source>No {0} speech voice: cues are not spoken</source>
        <translation>Geen spraakstem voor het {0}: de aanwijzingen worden niet uitgesproken</translation>
    </message>
    <message>
        <location filename="../../sitimer/qt/session/sound.py" line="255"/>
        <source>The voice has stopped. Follow the screen and the tones.</source>
        <translation>De stem is gestopt. Volg het scherm en de tonen.</translation>
    </message>
</context>
</TS>
