def test_the_home_page_of_the_agency_answers_in_thai(anon, agency):
    response = anon.get("/")
    assert response.status_code == 200
    assert "องค์การบริหารส่วนตำบลวังทอง" in response.content.decode()
    assert response["Content-Language"] == "th"
