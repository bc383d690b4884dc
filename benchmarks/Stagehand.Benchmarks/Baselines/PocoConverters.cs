using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nj = Newtonsoft.Json;

namespace Stagehand.Benchmarks.Baselines;

// The union converters a user would hand-write: look at the token, read the matching case. No validation.

internal sealed class ActInputPocoConverter : JsonConverter<ActInputPoco>
{
    public override ActInputPoco Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new ActInputPoco { Instruction = reader.GetString() }
            : new ActInputPoco { Action = JsonSerializer.Deserialize(ref reader, PocoJsonContext.Default.ActionPoco) };

    public override void Write(Utf8JsonWriter writer, ActInputPoco value, JsonSerializerOptions options)
    {
        if (value.Instruction is { } instruction)
        {
            writer.WriteStringValue(instruction);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Action!, PocoJsonContext.Default.ActionPoco);
        }
    }
}

internal sealed class ModelSelectionPocoConverter : JsonConverter<ModelSelectionPoco>
{
    public override ModelSelectionPoco Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new ModelSelectionPoco { Name = reader.GetString() }
            : new ModelSelectionPoco { Config = JsonSerializer.Deserialize(ref reader, PocoJsonContext.Default.ModelConfigPoco) };

    public override void Write(Utf8JsonWriter writer, ModelSelectionPoco value, JsonSerializerOptions options)
    {
        if (value.Name is { } name)
        {
            writer.WriteStringValue(name);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Config!, PocoJsonContext.Default.ModelConfigPoco);
        }
    }
}

internal sealed class VariableValuePocoConverter : JsonConverter<VariableValuePoco>
{
    public override VariableValuePoco Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new VariableValuePoco { String = reader.GetString() },
        JsonTokenType.Number => new VariableValuePoco { Number = reader.GetDouble() },
        JsonTokenType.True or JsonTokenType.False => new VariableValuePoco { Boolean = reader.GetBoolean() },
        _ => new VariableValuePoco { Described = JsonSerializer.Deserialize(ref reader, PocoJsonContext.Default.DescribedVariablePoco) },
    };

    public override void Write(Utf8JsonWriter writer, VariableValuePoco value, JsonSerializerOptions options)
    {
        if (value.String is { } text)
        {
            writer.WriteStringValue(text);
        }
        else if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else if (value.Boolean is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Described!, PocoJsonContext.Default.DescribedVariablePoco);
        }
    }
}

internal sealed class VariablePrimitivePocoConverter : JsonConverter<VariablePrimitivePoco>
{
    public override VariablePrimitivePoco Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new VariablePrimitivePoco { String = reader.GetString() },
        JsonTokenType.Number => new VariablePrimitivePoco { Number = reader.GetDouble() },
        JsonTokenType.True or JsonTokenType.False => new VariablePrimitivePoco { Boolean = reader.GetBoolean() },
        _ => throw new JsonException("Expected a string, number or boolean."),
    };

    public override void Write(Utf8JsonWriter writer, VariablePrimitivePoco value, JsonSerializerOptions options)
    {
        if (value.String is { } text)
        {
            writer.WriteStringValue(text);
        }
        else if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteBooleanValue(value.Boolean.GetValueOrDefault());
        }
    }
}

/// <summary>Newtonsoft.Json: reads a union by token type; never used for writing.</summary>
internal abstract class NewtonsoftReadOnlyConverter<T> : Nj.JsonConverter<T>
{
    public override bool CanWrite => false;

    public override void WriteJson(Nj.JsonWriter writer, T? value, Nj.JsonSerializer serializer) => throw new NotSupportedException();
}

internal sealed class NewtonsoftActInputConverter : NewtonsoftReadOnlyConverter<ActInputPoco>
{
    public override ActInputPoco ReadJson(Nj.JsonReader reader, Type objectType, ActInputPoco? existingValue, bool hasExistingValue, Nj.JsonSerializer serializer) =>
        reader.TokenType == Nj.JsonToken.String
            ? new ActInputPoco { Instruction = (string?)reader.Value }
            : new ActInputPoco { Action = serializer.Deserialize<ActionPoco>(reader) };
}

internal sealed class NewtonsoftModelSelectionConverter : NewtonsoftReadOnlyConverter<ModelSelectionPoco>
{
    public override ModelSelectionPoco ReadJson(Nj.JsonReader reader, Type objectType, ModelSelectionPoco? existingValue, bool hasExistingValue, Nj.JsonSerializer serializer) =>
        reader.TokenType == Nj.JsonToken.String
            ? new ModelSelectionPoco { Name = (string?)reader.Value }
            : new ModelSelectionPoco { Config = serializer.Deserialize<ModelConfigPoco>(reader) };
}

internal sealed class NewtonsoftVariableValueConverter : NewtonsoftReadOnlyConverter<VariableValuePoco>
{
    public override VariableValuePoco ReadJson(Nj.JsonReader reader, Type objectType, VariableValuePoco? existingValue, bool hasExistingValue, Nj.JsonSerializer serializer) => reader.TokenType switch
    {
        Nj.JsonToken.String => new VariableValuePoco { String = (string?)reader.Value },
        Nj.JsonToken.Integer or Nj.JsonToken.Float => new VariableValuePoco { Number = Convert.ToDouble(reader.Value, System.Globalization.CultureInfo.InvariantCulture) },
        Nj.JsonToken.Boolean => new VariableValuePoco { Boolean = (bool?)reader.Value },
        _ => new VariableValuePoco { Described = serializer.Deserialize<DescribedVariablePoco>(reader) },
    };
}

internal sealed class NewtonsoftVariablePrimitiveConverter : NewtonsoftReadOnlyConverter<VariablePrimitivePoco>
{
    public override VariablePrimitivePoco ReadJson(Nj.JsonReader reader, Type objectType, VariablePrimitivePoco? existingValue, bool hasExistingValue, Nj.JsonSerializer serializer) => reader.TokenType switch
    {
        Nj.JsonToken.String => new VariablePrimitivePoco { String = (string?)reader.Value },
        Nj.JsonToken.Integer or Nj.JsonToken.Float => new VariablePrimitivePoco { Number = Convert.ToDouble(reader.Value, System.Globalization.CultureInfo.InvariantCulture) },
        Nj.JsonToken.Boolean => new VariablePrimitivePoco { Boolean = (bool?)reader.Value },
        _ => throw new Nj.JsonSerializationException("Expected a string, number or boolean."),
    };
}
