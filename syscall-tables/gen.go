package systab

//go:generate go run ./internal/gen
