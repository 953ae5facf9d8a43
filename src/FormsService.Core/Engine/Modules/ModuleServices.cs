using FormsService.Core.Engine.Fonts;
using FormsService.Core.Engine.Payloads;

namespace FormsService.Core.Engine.Modules;

/// <summary>What the engine lends the forms' modules when it creates them.</summary>
/// <param name="FormsDirectory">The forms folder: shared data (the working calendar) lives in its <c>_</c> folders.</param>
/// <param name="Guard">The text rules every payload string obeys (what the fonts can print).</param>
/// <param name="Documents">The engine's one PDF writer, for artwork that is a page of its own.</param>
/// <param name="Dates">The date words of every language (<c>_locale</c>): what a view that writes a date or a month reads.</param>
internal sealed record ModuleServices(string FormsDirectory, FontLibrary Fonts, TextGuard Guard, FigureDocuments Documents, Locale.DateLocales Dates);
