/**
 * Function file of the add-in (<FunctionFile resid="Commands.Url"/> in manifest.xml, page commands.html).
 *
 * The only ribbon button ("Contrôler l'annexe 9", Home tab, group "Annexe 9") is a ShowTaskpane action,
 * so no function is registered yet. Office still loads this page, so it must call Office.onReady.
 * To add an ExecuteFunction button later: declare <Action xsi:type="ExecuteFunction"><FunctionName>name</FunctionName>
 * in the manifest and register it here with `Office.actions.associate('name', handler)`; the handler must
 * call `event.completed()` in every path.
 */
Office.onReady(() => {
  // Nothing to initialise: the ribbon button opens the task pane directly.
});

export {};
