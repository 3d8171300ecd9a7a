"""HTTP routes served beside the Streamlit app (Starlette glue around the pure `lib`)."""
