// localStorage keys of the till's own preferences (the parts keep their data in IndexedDB).

/** The owner's settings (JSON of `LocalSettings`). */
export const SETTINGS_KEY = "web-till-settings";
/** The chosen language. */
export const LOCALE_KEY = "web-till-locale";
