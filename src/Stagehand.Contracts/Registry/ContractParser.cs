using System;

namespace Stagehand.Contracts;

/// <summary>Validates and reads a UTF-8 JSON document as one contract; <paramref name="value"/> is set when it is valid.</summary>
public delegate bool ContractParser(ReadOnlySpan<byte> utf8Json, ContractReadOptions? options, out object? value, out ValidationResult result);
