//! Invoices, the invoice PDF and the prepaid balance. The doc's invoice and
//! balance bodies are served verbatim (from the core crate's fixtures), the
//! invoice list with a year of demo invoices after the doc's one. A PDF is
//! asked for at `invoices/{invoice_no}.pdf` and answered with a redirect to
//! the file, as the doc's `curl -L` implies; the file honours `Range` (its
//! `curl -C -`), so a broken download can be resumed.

use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::common::Store;

use super::state::VpsNet;

macro_rules! doc {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/fixtures/vpsnet/", $name))
    };
}

/// The doc's "current balance and account credits" example.
const CREDITS: &str = doc!("credits.json");
/// The doc's invoice list example (invoice 9130).
const INVOICES: &str = doc!("invoices_list.json");

/// Demo invoices after the doc's: (invoice_no, date_sent, date_due, amount, status).
const DEMO: &[(&str, &str, &str, &str, &str)] = &[
    ("10412", "2025-07-01T09:00:00-04:00", "2025-07-15T19:00:00-04:00", "40.00", "paid"),
    ("10587", "2025-08-01T09:00:00-04:00", "2025-08-15T19:00:00-04:00", "40.00", "paid"),
    ("10733", "2025-09-01T09:00:00-04:00", "2025-09-15T19:00:00-04:00", "62.50", "paid"),
    ("10894", "2025-10-01T09:00:00-04:00", "2025-10-15T19:00:00-04:00", "62.50", "paid"),
    ("11046", "2025-11-01T09:00:00-04:00", "2025-11-15T19:00:00-04:00", "75.00", "unpaid"),
];

pub(super) fn routes() -> Router<Store<VpsNet>> {
    Router::new()
        .route("/invoices.api10json", get(list))
        .route("/invoices/get_credits.api10json", get(credits))
        .route("/invoices/{file}", get(pdf_redirect))
        .route("/files/invoices/{file}", get(pdf_file))
}

/// Every invoice, the doc's first, each as the `invoice` object.
fn invoices() -> Vec<Value> {
    let mut all: Vec<Value> = serde_json::from_str::<Vec<Value>>(INVOICES)
        .expect("the doc's invoice list is JSON")
        .into_iter()
        .map(|v| v["invoice"].clone())
        .collect();
    all.extend(DEMO.iter().map(|(no, sent, due, amount, status)| {
        json!({
            "date_sent": sent,
            "date_due": due,
            "amount": amount,
            "currency": "USD",
            "status": status,
            "invoice_no": no,
        })
    }));
    all
}

fn find(no: &str) -> Option<Value> {
    invoices().into_iter().find(|i| i["invoice_no"] == no)
}

async fn list() -> Json<Vec<Value>> {
    Json(invoices().into_iter().map(|i| json!({ "invoice": i })).collect())
}

async fn credits() -> Response {
    ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], CREDITS).into_response()
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Invoice not found").into_response()
}

/// The stored file's name: the number and a token, like a signed link.
fn file_name(no: &str) -> String {
    let token = no.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("{no}-{token:08x}.pdf")
}

async fn pdf_redirect(Path(file): Path<String>) -> Response {
    match file.strip_suffix(".pdf").filter(|no| find(no).is_some()) {
        Some(no) => Redirect::to(&format!("/files/invoices/{}", file_name(no))).into_response(),
        None => not_found(),
    }
}

async fn pdf_file(Path(file): Path<String>, headers: HeaderMap) -> Response {
    let Some(invoice) =
        invoices().into_iter().find(|i| file_name(i["invoice_no"].as_str().unwrap_or_default()) == file)
    else {
        return not_found();
    };
    let body = invoice_pdf(&invoice);
    let etag = format!("\"{}\"", file.trim_end_matches(".pdf"));
    let fresh = headers.get(header::IF_RANGE).is_none_or(|v| v.to_str().ok() == Some(etag.as_str()));
    let start = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.split_once('-'))
        .filter(|(_, end)| end.is_empty())
        .and_then(|(start, _)| start.parse::<usize>().ok())
        .filter(|_| fresh);
    let common = [
        (header::CONTENT_TYPE, "application/pdf".to_owned()),
        (header::ETAG, etag.clone()),
        (header::ACCEPT_RANGES, "bytes".to_owned()),
    ];
    match start {
        None => (StatusCode::OK, common, body).into_response(),
        Some(start) if start >= body.len() => {
            (StatusCode::RANGE_NOT_SATISFIABLE, [(header::CONTENT_RANGE, format!("bytes */{}", body.len()))])
                .into_response()
        }
        Some(start) => {
            let range = format!("bytes {start}-{}/{}", body.len() - 1, body.len());
            let mut response = (StatusCode::PARTIAL_CONTENT, common, body[start..].to_vec()).into_response();
            response.headers_mut().insert(header::CONTENT_RANGE, range.parse().expect("a range header value"));
            response
        }
    }
}

/// A one-page PDF of the invoice, built by hand with a correct cross
/// reference table so any reader opens it.
pub(super) fn invoice_pdf(invoice: &Value) -> Vec<u8> {
    let field = |k: &str| invoice[k].as_str().unwrap_or_default().to_owned();
    let no = field("invoice_no");
    let lines = [
        (24, 760, "VPS.NET".to_owned()),
        (16, 730, format!("Invoice {no}")),
        (11, 690, format!("Date sent: {}", field("date_sent"))),
        (11, 672, format!("Date due: {}", field("date_due"))),
        (11, 654, format!("Status: {}", field("status"))),
        (11, 620, "Cloud server nodes, monthly".to_owned()),
        (14, 590, format!("Amount: {} {}", field("amount"), field("currency"))),
        (9, 80, "Simulated by the vpsdesk sandbox; not a real invoice.".to_owned()),
    ];
    let mut content = String::new();
    for (size, y, text) in lines {
        let escaped = text.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
        content.push_str(&format!("BT /F1 {size} Tf 56 {y} Td ({escaped}) Tj ET\n"));
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_has_a_correct_cross_reference_table() {
        let pdf = invoice_pdf(&find("9130").unwrap());
        let text = String::from_utf8(pdf.clone()).unwrap();
        assert!(text.starts_with("%PDF-1.4\n") && text.ends_with("%%EOF\n"));
        let startxref: usize = text.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(text[startxref..].starts_with("xref\n0 6\n"));
        for (i, line) in text[startxref..].lines().skip(3).take(5).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(text[offset..].starts_with(&format!("{} 0 obj", i + 1)), "object {}", i + 1);
        }
        assert!(text.contains("(Amount: 15.00 USD)"));
    }

    #[test]
    fn the_doc_invoice_comes_first_and_every_file_name_differs() {
        let all = invoices();
        assert_eq!(all[0]["invoice_no"], "9130");
        let names: std::collections::HashSet<_> =
            all.iter().map(|i| file_name(i["invoice_no"].as_str().unwrap())).collect();
        assert_eq!(names.len(), all.len());
    }
}
