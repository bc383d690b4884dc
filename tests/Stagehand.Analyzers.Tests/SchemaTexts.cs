namespace Stagehand.Analyzers.Tests;

/// <summary>Small schema texts the schema-rule tests share.</summary>
internal static class SchemaTexts
{
    public const string Header = """
        "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public"
        """;

    public const string InternalHeader = """
        "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "internal"
        """;

    /// <summary>A public object schema with one string member.</summary>
    public static string PublicObject(string members = "\"name\": { \"type\": \"string\" }") =>
        "{\n  " + Header + ",\n  \"type\": \"object\",\n  \"properties\": { " + members + " }\n}";

    /// <summary>An internal object schema with one string member.</summary>
    public static string InternalObject(string members = "\"name\": { \"type\": \"string\" }") =>
        "{\n  " + InternalHeader + ",\n  \"type\": \"object\",\n  \"properties\": { " + members + " }\n}";
}
