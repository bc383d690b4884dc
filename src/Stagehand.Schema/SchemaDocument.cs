namespace Stagehand.Schema;

/// <summary>Something wrong with a schema, at the place it was found.</summary>
/// <param name="Keyword">The keyword at fault, or <c>json</c> for text that is not JSON.</param>
internal sealed record SchemaProblem(string Keyword, string Message, LocationInfo Location);

/// <summary>One parsed schema file. <see cref="Root"/> is null when the text is not valid JSON.</summary>
internal sealed record SchemaDocument(string Path, string Namespace, SchemaNode? Root, EquatableArray<SchemaProblem> Problems, SchemaMode Mode = SchemaMode.Contract)
{
    public string FileStem => SchemaPaths.Stem(Path);
}
