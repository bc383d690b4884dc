namespace Stagehand.Generators;

/// <summary>A schema file as the pipeline sees it: compared by path, namespace and content, never by reference.</summary>
internal sealed record SchemaInput(string Path, string Namespace, string? Text, string? NamespaceProblem, Stagehand.Schema.SchemaMode Mode);
