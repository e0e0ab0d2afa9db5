//! Any JSON read into a generated type, written, and read again gives the same value.
//!
//! Written against the serde traits only (`from_value`/`to_value`), so it holds whatever the
//! generated code looks like. The two writes are compared as `serde_json::Value`: floats go
//! from Value to f64 and back without text in between, so they compare exactly.
#![no_main]

use graph_docs_models::beta::{
    CommsOperation, OperationError, RecordOperation, ResultInfo, TeamsAsyncOperation,
    TeamsAsyncOperationStatus, TeamsAsyncOperationType,
};
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn round_trip<T: DeserializeOwned + Serialize>(input: &Value) {
    let Ok(first) = serde_json::from_value::<T>(input.clone()) else {
        return;
    };
    let written = serde_json::to_value(&first).expect("a read value writes");
    let second: T = serde_json::from_value(written.clone()).unwrap_or_else(|e| {
        panic!("{} does not read back what it wrote: {e}\n{written}", std::any::type_name::<T>())
    });
    let rewritten = serde_json::to_value(&second).expect("a read value writes");
    assert_eq!(rewritten, written, "{}", std::any::type_name::<T>());
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    round_trip::<TeamsAsyncOperation>(&value);
    round_trip::<CommsOperation>(&value);
    round_trip::<RecordOperation>(&value);
    round_trip::<OperationError>(&value);
    round_trip::<ResultInfo>(&value);
    round_trip::<TeamsAsyncOperationStatus>(&value);
    round_trip::<TeamsAsyncOperationType>(&value);
});
