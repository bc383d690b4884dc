using Stagehand.Schema;

namespace Stagehand.Generators;

/// <summary>A schema file as the pipeline sees it: compared by path, settings and content, never by reference.</summary>
internal sealed record SchemaInput(string Path, SchemaFileSettings Settings, string? Text);

/// <summary>The C# of one schema file: its types (null when it forms none) and its reader class.</summary>
internal sealed record GeneratedFile(string? Types, string Readers);

/// <summary>The C# written for one schema file, or why it could not be written.</summary>
internal sealed record EmittedSource(ContractFile File, GeneratedFile? Text, string? Failure);
