//! Stand-in for wasm-streams 0.5 (see the README in this directory).
use futures_util::stream::{self, Empty};
use js_sys::wasm_bindgen::JsValue;

pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    pub fn from_stream<S>(_stream: S) -> Self
    where
        S: futures_util::Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        panic!("streaming server functions are not available in this app")
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    pub fn into_stream(self) -> Empty<Result<JsValue, JsValue>> {
        stream::empty()
    }
}
