using Stagehand.Schema;
using static Stagehand.Generators.GeneratedNames;

namespace Stagehand.Generators;

/// <summary>
/// Writes the wire API of a contract type: <c>Validate</c>, <c>Parse</c> and <c>TryParse</c> over UTF-8 JSON, and the
/// <c>JsonConverter</c> that lets <c>JsonSerializer</c> use the same reader and writer.
/// </summary>
internal static class ApiEmitter
{
    public static string ConverterName(TypeRef type) => type.Name + GeneratedMemberNames.ConverterSuffix;

    public static string ConverterAttribute(TypeRef type) =>
        "[global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + type.Namespace + "." + ConverterName(type) + "))]";

    /// <summary>The static members inside the type: the three entry points over UTF-8.</summary>
    public static void EmitEntryPoints(SourceWriter writer, TypeRef type, string reader, string schemaClass)
    {
        var name = type.Name;
        var contract = Identifiers.Literal(name);
        var readerCall = "global::" + type.Namespace + "." + schemaClass + "." + reader;
        var options = "<see cref=\"" + Runtime + "ContractReadOptions.Default\"/>";
        writer.WriteTemplate($$"""
            private static readonly {{Runtime}}ContractReadFunc<{{name}}> s_read = {{readerCall}};

            /// <summary>
            /// Validates UTF-8 JSON against the {{SourceWriter.EscapeXml(name)}} contract and reports every violation; a valid document allocates nothing.
            /// </summary>
            /// <param name="utf8Json">The document.</param>
            /// <param name="options">The reader policy and limits; {{options}} when null.</param>
            public static {{Runtime}}ValidationResult Validate(global::System.ReadOnlySpan<byte> utf8Json, {{Runtime}}ContractReadOptions? options = null) =>
                {{Runtime}}ContractJson.Validate(utf8Json, options, s_read);

            /// <summary>
            /// Validates and reads UTF-8 JSON in one pass.
            /// </summary>
            /// <param name="utf8Json">The document.</param>
            /// <param name="options">The reader policy and limits; {{options}} when null.</param>
            /// <exception cref="{{Runtime}}ContractValidationException">The document breaks the contract; every violation is in its result.</exception>
            public static {{name}} Parse(global::System.ReadOnlySpan<byte> utf8Json, {{Runtime}}ContractReadOptions? options = null) =>
                {{Runtime}}ContractJson.Parse(utf8Json, options, s_read, {{contract}});

            /// <summary>
            /// Validates and reads UTF-8 JSON in one pass, without throwing.
            /// </summary>
            /// <param name="utf8Json">The document.</param>
            /// <param name="value">The value, when the document is valid.</param>
            /// <param name="result">Every violation found.</param>
            /// <param name="options">The reader policy and limits; {{options}} when null.</param>
            public static bool TryParse(global::System.ReadOnlySpan<byte> utf8Json, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {{name}} value, out {{Runtime}}ValidationResult result, {{Runtime}}ContractReadOptions? options = null) =>
                {{Runtime}}ContractJson.TryParse(utf8Json, options, s_read, out value, out result);

            internal static {{Runtime}}ContractReadFunc<{{name}}> Reader => s_read;
            """);
    }

    /// <summary>The converter, a top-level class beside the type.</summary>
    public static void EmitConverter(SourceWriter writer, TypeRef type, string? schemaClass, string? reader)
    {
        var name = type.Name;
        writer.WriteLine();
        writer.WriteSummaryXml("Reads and writes <see cref=\"" + name + "\"/> with its generated, validating reader and writer.");
        writer.WriteLine(ContractEmitter.GeneratedCodeAttribute);
        writer.OpenBlock("public sealed class " + ConverterName(type) + " : global::System.Text.Json.Serialization.JsonConverter<" + name + ">");
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("/// <exception cref=\"" + Runtime + "ContractValidationException\">The JSON breaks the contract.</exception>");
        if (type.Kind == NamedKind.Enum)
        {
            writer.WriteLine("public override " + name + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>");
            writer.WriteLine("    " + Runtime + "ContractJson.ReadValue<" + type.FullName + ">(ref reader, global::" + type.Namespace + "." + schemaClass + "." + reader + ", " + Identifiers.Literal(name) + ");");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options) =>");
            writer.WriteLine("    " + type.FullName + GeneratedMemberNames.WireValuesSuffix + ".WriteTo(writer, value);");
        }
        else
        {
            writer.WriteLine("public override " + name + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>");
            writer.WriteLine("    " + Runtime + "ContractJson.ReadValue(ref reader, " + type.FullName + ".Reader, " + Identifiers.Literal(name) + ");");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options)");
            writer.WriteLine("{");
            if (type.Kind == NamedKind.Record)
            {
                writer.WriteLine("    global::System.ArgumentNullException.ThrowIfNull(value);");
            }

            writer.WriteLine("    value.WriteTo(writer);");
            writer.WriteLine("}");
        }

        writer.CloseBlock();
    }
}
