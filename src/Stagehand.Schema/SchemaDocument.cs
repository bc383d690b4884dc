namespace Stagehand.Schema;

/// <summary>Something wrong with a schema, or worth knowing about it (a note), at the place it was found.</summary>
/// <param name="Keyword">The keyword at fault, or <c>json</c> for text that is not JSON.</param>
/// <param name="IsNote">A note (STH0007) does not stop generation: a C# name that was numbered, a keyword read as an annotation.</param>
internal sealed record SchemaProblem(string Keyword, string Message, LocationInfo Location, bool IsNote = false);

/// <summary>One parsed schema file. <see cref="Root"/> is null when the text is not valid JSON.</summary>
/// <param name="DefaultVisibility">The visibility of a root that states none (public unless the project says otherwise).</param>
/// <param name="FormatAssertion">Whether <c>format</c> asserts in a file whose root does not say (the project's <c>StagehandFormatAssertion</c>).</param>
/// <param name="RetrievalUri">The URI the build says the file is known by (<c>StagehandSchemaUri</c>), if any.</param>
internal sealed record SchemaDocument(string Path, string Namespace, SchemaNode? Root, EquatableArray<SchemaProblem> Problems, SchemaMode Mode = SchemaMode.Contract, SchemaVisibility DefaultVisibility = SchemaVisibility.Public, bool FormatAssertion = false, string? RetrievalUri = null)
{
    /// <summary>The URI the file is retrieved by: the one the build gives it, else one made from its path. Its root's <c>$id</c> resolves against it.</summary>
    public string BaseUri => RetrievalUri ?? UriReferences.FromPath(Path);

    /// <summary>The dialect the file is read in (a <c>$schema</c> URI of <see cref="SchemaReader"/>).</summary>
    public string Dialect { get; init; } = SchemaReader.Draft202012;

    /// <summary>
    /// Whether <c>format</c> is an assertion in this file (the root's <c>x-stagehand-formatAssertion</c>, else the project's
    /// setting) rather than the annotation draft 2020-12 makes it by default. Only asserted formats give typed values
    /// (<c>Guid</c>, <c>DateTimeOffset</c>, <c>Uri</c>).
    /// </summary>
    public bool AssertsFormats => Root?.FormatAssertion ?? FormatAssertion;

    /// <summary>The format <paramref name="node"/> asserts: its <c>format</c> when this file asserts formats and the runtime knows it, else null.</summary>
    public string? AssertedFormat(SchemaNode node) =>
        AssertsFormats && node.Format is { } format && FormatNames.RuntimeName(format) is not null ? format : null;

    public string FileStem => SchemaPaths.Stem(Path);

    /// <summary>
    /// The name the root's type starts from (before numbering keeps it clear of others): its <c>x-stagehand-typeName</c>,
    /// else its <c>title</c>, else the file stem, made into a type name (<c>Stagehand V4 Protocol</c> →
    /// <c>StagehandV4Protocol</c>, <c>pet-owner</c> → <c>PetOwner</c>, <c>tree</c> → <c>Tree</c>).
    /// </summary>
    public string RootTypeCandidate =>
        Root?.TypeName ?? Identifiers.ToTypeName(Root?.Title is { Length: > 0 } title ? Identifiers.ToPascalCase(title, "Type") : FileStem, "Type");

    /// <summary>The visibility of the file's types: the root's <c>x-stagehand-visibility</c>, else the default.</summary>
    public SchemaVisibility Visibility => Root?.Visibility ?? DefaultVisibility;
}
